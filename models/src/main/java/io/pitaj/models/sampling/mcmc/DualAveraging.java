package io.pitaj.models.sampling.mcmc;

/**
 * Nesterov dual averaging of log ε toward a target acceptance (Hoffman & Gelman 2014, Algorithm 5, with their
 * constants γ = 0.05, t₀ = 10, κ = 0.75 and shrinkage point μ = log 10ε₀). During warm-up {@link #update} returns
 * the exploring step; afterwards {@link #averagedStepSize} is the step to freeze, because a step size that keeps
 * changing with the chain's history would break detailed balance.
 */
final class DualAveraging {
    private static final double GAMMA = 0.05;
    private static final double T0 = 10;
    private static final double KAPPA = 0.75;

    private final double initialStepSize;
    private final double mu;
    private final double targetAcceptance;
    private int iteration;
    private double meanError;
    private double logAveragedStep;

    DualAveraging(double initialStepSize, double targetAcceptance) {
        this.initialStepSize = initialStepSize;
        this.mu = Math.log(10 * initialStepSize);
        this.targetAcceptance = targetAcceptance;
    }

    /** Feeds one acceptance probability (NaN counts as 0) and returns the next step size to try. */
    double update(double acceptance) {
        double a = Double.isNaN(acceptance) ? 0 : acceptance;
        iteration++;
        double w = 1.0 / (iteration + T0);
        meanError = (1 - w) * meanError + w * (targetAcceptance - a);
        double logStep = mu - Math.sqrt(iteration) / GAMMA * meanError;
        double eta = Math.pow(iteration, -KAPPA);
        logAveragedStep = eta * logStep + (1 - eta) * logAveragedStep;
        return Math.exp(logStep);
    }

    /** The averaged step size; the initial one if nothing was fed. */
    double averagedStepSize() { return iteration == 0 ? initialStepSize : Math.exp(logAveragedStep); }
}
