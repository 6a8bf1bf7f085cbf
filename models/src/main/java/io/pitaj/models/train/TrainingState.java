package io.pitaj.models.train;

import io.pitaj.models.nn.ParameterSet;

/**
 * Everything an optimiser step changes: parameters, their EMA, Adam's first and second moments, and the number of
 * updates taken. Together with the caller's random-generator state this is what a checkpoint must hold for a
 * resumed run to continue bit-identically.
 */
public final class TrainingState {
    private final ParameterSet params;
    private final ParameterSet ema;
    private final ParameterSet adamM;
    private final ParameterSet adamV;
    private long step;

    /** A restored state; all four sets must share one layout. */
    public TrainingState(ParameterSet params, ParameterSet ema, ParameterSet adamM, ParameterSet adamV, long step) {
        if (!params.sameLayout(ema) || !params.sameLayout(adamM) || !params.sameLayout(adamV)) {
            throw new IllegalArgumentException("parameters, EMA and Adam moments must have the same names and shapes");
        }
        if (step < 0) throw new IllegalArgumentException("negative step count " + step);
        this.params = params;
        this.ema = ema;
        this.adamM = adamM;
        this.adamV = adamV;
        this.step = step;
    }

    /** The state before the first update: copies of the initial parameters (also the initial EMA), zero moments. */
    public static TrainingState initial(ParameterSet initialParams) {
        return new TrainingState(initialParams.copy(), initialParams.copy(), initialParams.zerosLike(),
                initialParams.zerosLike(), 0);
    }

    public ParameterSet params() { return params; }

    public ParameterSet ema() { return ema; }

    public ParameterSet adamM() { return adamM; }

    public ParameterSet adamV() { return adamV; }

    /** Number of optimiser updates taken so far. */
    public long step() { return step; }

    void advance() { step++; }
}
