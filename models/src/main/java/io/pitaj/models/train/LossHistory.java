package io.pitaj.models.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The loss curve of a training call, small enough for model.json and a plot: block means of the weighted total and
 * of every (unweighted) term over consecutive blocks of {@code blockSteps} updates, at most about
 * {@value #TARGET_POINTS} points whatever the run's length. A block is recorded when it completes, plus the partial
 * last block at {@link #finish}; each point carries the step that ended its block.
 */
public final class LossHistory {
    /** Points a whole run aims at: enough for a smooth curve, a few kB of JSON. */
    public static final int TARGET_POINTS = 500;

    private final int blockSteps;
    private final List<Long> steps = new ArrayList<>();
    private final List<Double> total = new ArrayList<>();
    private final Map<String, List<Double>> terms = new LinkedHashMap<>();
    private double blockTotal;
    private final Map<String, Double> blockTerms = new LinkedHashMap<>();
    private int inBlock;
    private long lastStep;

    /** A history whose block length spreads {@code totalSteps} updates over about {@value #TARGET_POINTS} points. */
    public static LossHistory forSteps(long totalSteps) {
        return new LossHistory((int) Math.max(1, (totalSteps + TARGET_POINTS - 1) / TARGET_POINTS));
    }

    public LossHistory(int blockSteps) {
        if (blockSteps < 1) throw new IllegalArgumentException("block length must be at least 1, got " + blockSteps);
        this.blockSteps = blockSteps;
    }

    /** Adds update {@code step}'s weighted total and terms. */
    public void add(long step, double loss, Map<String, Double> stepTerms) {
        blockTotal += loss;
        stepTerms.forEach((name, v) -> blockTerms.merge(name, v, Double::sum));
        inBlock++;
        lastStep = step;
        if (inBlock == blockSteps) close();
    }

    /** Records the partial last block, if any, and returns the whole curve. */
    public LossCurve finish() {
        if (inBlock > 0) close();
        return curve();
    }

    private void close() {
        steps.add(lastStep);
        total.add(blockTotal / inBlock);
        for (Map.Entry<String, Double> e : blockTerms.entrySet()) {
            List<Double> curve = terms.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
            // a term first seen after some blocks starts its curve with gaps, so every curve lines up with steps
            while (curve.size() < steps.size() - 1) curve.add(Double.NaN);
            curve.add(e.getValue() / inBlock);
        }
        blockTotal = 0;
        blockTerms.clear();
        inBlock = 0;
    }

    /** The curve recorded so far (complete blocks only, unless {@link #finish} came first). */
    public LossCurve curve() {
        Map<String, double[]> out = new LinkedHashMap<>();
        terms.forEach((name, v) -> {
            double[] c = new double[steps.size()];
            java.util.Arrays.fill(c, Double.NaN);
            for (int i = 0; i < v.size(); i++) c[i] = v.get(i);
            out.put(name, c);
        });
        return new LossCurve(blockSteps, steps.stream().mapToLong(Long::longValue).toArray(),
                total.stream().mapToDouble(Double::doubleValue).toArray(), out);
    }
}
