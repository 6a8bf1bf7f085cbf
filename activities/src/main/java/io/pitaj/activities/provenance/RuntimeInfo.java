package io.pitaj.activities.provenance;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Where a stage ran: the JDK, ONNX Runtime's version and execution provider (null when the stage ran no network),
 * the threads it was given, and the worker's identity (process id @ host name), which tells two workers that shared
 * a run apart.
 */
public record RuntimeInfo(String jdk, String ortVersion, String executionProvider, int threads, String worker) {
    /** A stage that used no ONNX Runtime session. */
    public static RuntimeInfo hostOnly(int threads) { return new RuntimeInfo(currentJdk(), null, null, threads, currentWorker()); }

    /** A stage whose networks ran on ONNX Runtime {@code ortVersion} with {@code provider}. */
    public static RuntimeInfo withOrt(String ortVersion, String provider, int threads) {
        return new RuntimeInfo(currentJdk(), ortVersion, provider, threads, currentWorker());
    }

    private static String currentJdk() { return System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"; }

    /** pid@host. */
    private static String currentWorker() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return ProcessHandle.current().pid() + "@" + host;
    }

    @Override
    public String toString() {
        return "JDK " + jdk + (ortVersion != null ? ", ONNX Runtime " + ortVersion + " on " + executionProvider : "") + ", " + threads
                + " threads, worker " + worker;
    }
}
