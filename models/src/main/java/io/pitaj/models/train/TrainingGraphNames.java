package io.pitaj.models.train;

/**
 * The input and output names of training-step and EMA graphs. A runtime session (the interpreter, ONNX Runtime)
 * is driven purely by these names, so they are part of the model-artifact contract and must not change silently.
 *
 * <p>Per-parameter names are a prefix plus the parameter's name in its {@link io.pitaj.models.nn.ParameterSet},
 * e.g. {@code param/energy/0/weight}.
 */
public final class TrainingGraphNames {
    private TrainingGraphNames() {}

    public static final String PARAM = "param/";
    public static final String ADAM_M = "adam_m/";
    public static final String ADAM_V = "adam_v/";
    public static final String DATA = "data/";
    public static final String NEW_PARAM = "new_param/";
    public static final String NEW_ADAM_M = "new_adam_m/";
    public static final String NEW_ADAM_V = "new_adam_v/";
    public static final String EMA = "ema/";
    public static final String NEW_EMA = "new_ema/";
    /** Scalar outputs: the terms a loss reported, unweighted, each at the parameters before the update. */
    public static final String TERM = "term/";

    /** Scalar input: the 1-based index of the update being computed (number of updates including this one). */
    public static final String STEP = "step";
    /** Scalar input: the learning rate of this update. */
    public static final String LEARNING_RATE = "lr";
    /** Scalar output: the loss at the parameters before the update. */
    public static final String LOSS = "loss";
    /** Scalar output: the global gradient norm before clipping. */
    public static final String GRAD_NORM = "grad_norm";
}
