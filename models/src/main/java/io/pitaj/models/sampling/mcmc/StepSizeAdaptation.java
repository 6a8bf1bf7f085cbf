package io.pitaj.models.sampling.mcmc;

/** How a sampler tunes its step size during warm-up; after warm-up every mode keeps it fixed. */
public enum StepSizeAdaptation {
    /** One dual-averaging controller per chain: each chain gets the step that suits the region it starts in. */
    PER_CHAIN,
    /** One controller fed with the batch-mean acceptance: every chain shares one step size. */
    BATCH,
    /** The initial step size throughout. */
    NONE
}
