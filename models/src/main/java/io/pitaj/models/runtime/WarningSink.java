package io.pitaj.models.runtime;

/**
 * Receives the runtime's operator-facing warnings. The default writes to {@link System.Logger}; tests and embedders
 * pass their own sink to observe or redirect them.
 */
@FunctionalInterface
public interface WarningSink {
    void warn(String message);

    static WarningSink systemLogger() {
        System.Logger logger = System.getLogger("io.pitaj.models.runtime");
        return message -> logger.log(System.Logger.Level.WARNING, message);
    }
}
