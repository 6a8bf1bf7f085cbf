package io.pitaj.models.targets;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A Boltzmann target density π_T(x) ∝ exp(−E(x)/(k_B T)) over flat coordinate vectors, in double precision.
 *
 * <p>Coordinates and energies are in the physical units of {@link #unit()} (nm and kJ/mol for peptides, reduced
 * units otherwise). Batches are flat row-major arrays of {@code batch × dimension()} values and are evaluated in
 * parallel over samples; every evaluated configuration counts once in {@link #energyEvaluations()}.
 *
 * <p>Batched calls may come from several threads at once. {@link #close()} waits for the calls in flight and makes
 * every later call fail with {@code IllegalStateException("target is closed")}.
 */
public abstract class Target implements AutoCloseable {
    private final String name;
    private final ParticleLayout layout;
    private final boolean meanFree;
    private final EnergyUnit unit;
    private final LongAdder evaluations = new LongAdder();
    private final LongAdder nonFinite = new LongAdder();
    private final ConcurrentLinkedQueue<EnergyEvaluator> idleEvaluators = new ConcurrentLinkedQueue<>();
    private volatile int threads = Runtime.getRuntime().availableProcessors();
    /**
     * Read-held by every batched call while it runs, write-held by close(). Closing therefore waits for the calls in
     * flight instead of shutting the pool down under a caller that is still submitting chunks, which would fail that
     * call with a RejectedExecutionException and leave its chunks already handed out writing into its buffers.
     */
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;
    /**
     * Created on first use and then only grown in place, never replaced: replacing it would mean shutting down a pool
     * that other callers may still be submitting to. Grown under the read lock and this object's monitor, shut down
     * under the write lock.
     */
    private ThreadPoolExecutor pool;

    protected Target(String name, ParticleLayout layout, boolean meanFree, EnergyUnit unit) {
        this.name = name;
        this.layout = layout;
        this.meanFree = meanFree;
        this.unit = unit;
    }

    /** A fresh, single-threaded evaluator with its own scratch memory. */
    protected abstract EnergyEvaluator newEvaluator();

    public final String name() { return name; }

    public final ParticleLayout layout() { return layout; }

    public final int dimension() { return layout.dimension(); }

    /** True when samples live in the centre-of-mass-free subspace (particle systems and molecules). */
    public final boolean meanFree() { return meanFree; }

    public final EnergyUnit unit() { return unit; }

    /**
     * Element symbols in coordinate order for molecular targets (input files are checked against them);
     * empty for particle systems and toy densities, whose particles are anonymous.
     */
    public List<String> elementSymbols() { return List.of(); }

    /** How the networks' coordinates relate to the physical ones; the identity unless a target needs rescaling. */
    public CoordinateMap modelCoordinates() { return CoordinateMap.IDENTITY; }

    /** Number of configurations evaluated so far (energy, with or without forces), over all threads. */
    public final long energyEvaluations() { return evaluations.sum(); }

    /**
     * Number of evaluated configurations whose energy was NaN or infinite (overlapping atoms, exploded samples).
     * They are returned as they are — never replaced by 0 as PITA's OpenMM bridge does — and counted here so that
     * samplers and reports can flag them.
     */
    public final long nonFiniteEnergies() { return nonFinite.sum(); }

    /** Sets how many threads batched calls may use (at least 1). */
    public final Target threads(int count) {
        if (count < 1) throw new IllegalArgumentException("threads must be at least 1, got " + count);
        this.threads = count;
        return this;
    }

    public final int threads() { return threads; }

    /** Energy of one configuration in {@link EnergyUnit#energyUnit()}. */
    public final double energy(double[] x) {
        checkLength(x, 1, "x");
        return energies(x, 1, new double[1], null)[0];
    }

    /**
     * Energies (and, if {@code gradOut} is not null, gradients dE/dx) of {@code batch} configurations.
     *
     * @return {@code energyOut}
     */
    public final double[] energies(double[] x, int batch, double[] energyOut, double[] gradOut) {
        checkLength(x, batch, "x");
        if (energyOut.length < batch) throw new IllegalArgumentException("energy buffer holds fewer than " + batch + " values");
        if (gradOut != null) checkLength(gradOut, batch, "gradient buffer");
        forEachSample(batch, (ev, i) -> {
            int off = i * dimension();
            double e = ev.energy(x, off, gradOut, off);
            if (!Double.isFinite(e)) nonFinite.increment();
            energyOut[i] = e;
        });
        return energyOut;
    }

    /**
     * log π_T(x) = −E(x)/(k_B T) (unnormalised, except where a subclass says otherwise) and its gradient
     * ∇ log π_T = −∇E/(k_B T), for {@code batch} configurations at {@code temperature} (in the unit's temperature unit).
     * {@code gradOut} may be null.
     */
    public void logDensityAndGrad(double[] x, int batch, double temperature, double[] logDensityOut, double[] gradOut) {
        double beta = 1.0 / unit.kT(temperature);
        energies(x, batch, logDensityOut, gradOut);
        for (int i = 0; i < batch; i++) logDensityOut[i] *= -beta;
        if (gradOut != null) {
            int n = batch * dimension();
            for (int k = 0; k < n; k++) gradOut[k] *= -beta;
        }
    }

    /**
     * Fewest samples worth handing to one more thread. Handing a chunk to a pool thread costs tens of microseconds,
     * so cheap targets need large chunks; the default scales inversely with the pair count, which sets the cost of
     * particle systems and force fields. Targets whose cost is not pairwise override it.
     */
    protected int minSamplesPerThread() {
        int n = layout.particles();
        return Math.max(4, 32768 / (n * n));
    }

    /** Work on one sample with a thread-confined evaluator. */
    @FunctionalInterface
    protected interface SampleTask {
        void run(EnergyEvaluator evaluator, int sample);
    }

    /** Runs {@code task} for samples 0 … batch−1, split in contiguous chunks over the configured threads. */
    protected final void forEachSample(int batch, SampleTask task) {
        Lock inFlight = lifecycle.readLock();
        inFlight.lock();
        try {
            if (closed) throw new IllegalStateException("target is closed");
            runChunks(batch, task);
        } finally {
            inFlight.unlock();
        }
    }

    private void runChunks(int batch, SampleTask task) {
        int workers = Math.max(1, Math.min(threads, batch / minSamplesPerThread()));
        if (workers == 1) {
            runChunk(task, 0, batch);
            return;
        }
        ThreadPoolExecutor exec = pool(workers - 1);
        List<Future<?>> futures = new ArrayList<>(workers - 1);
        int chunk = (batch + workers - 1) / workers;
        for (int w = 1; w < workers; w++) {
            int from = w * chunk, to = Math.min(batch, from + chunk);
            if (from < to) futures.add(exec.submit(() -> runChunk(task, from, to)));
        }
        runChunk(task, 0, Math.min(batch, chunk));
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while evaluating " + name, e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) throw re;
                if (cause instanceof Error err) throw err;
                throw new IllegalStateException(cause);
            }
        }
    }

    private void runChunk(SampleTask task, int from, int to) {
        EnergyEvaluator ev = idleEvaluators.poll();
        if (ev == null) ev = newEvaluator();
        try {
            for (int i = from; i < to; i++) task.run(ev, i);
        } finally {
            evaluations.add(to - from);
            idleEvaluators.offer(ev);
        }
    }

    /** The pool with at least {@code helpers} threads; only called under the read lock, so never after close(). */
    private synchronized ThreadPoolExecutor pool(int helpers) {
        if (pool == null) {
            pool = new ThreadPoolExecutor(helpers, helpers, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, name + "-energy");
                t.setDaemon(true);
                return t;
            });
        } else if (pool.getCorePoolSize() < helpers) {
            pool.setMaximumPoolSize(helpers); // first: the core size may not exceed the maximum
            pool.setCorePoolSize(helpers);
        }
        return pool;
    }

    private void checkLength(double[] a, int batch, String what) {
        if (batch < 0) throw new IllegalArgumentException("batch must not be negative");
        long need = (long) batch * dimension();
        if (a.length < need) {
            throw new IllegalArgumentException(what + " holds " + a.length + " values, need " + need
                    + " (" + batch + " × " + dimension() + ")");
        }
    }

    /**
     * Waits for the batched calls in flight, then stops the pool. Not synchronized: a call in flight may be waiting
     * for this object's monitor in pool(), and close() must not hold it while waiting for that call.
     */
    @Override
    public void close() {
        Lock exclusive = lifecycle.writeLock();
        exclusive.lock();
        try {
            closed = true;
            if (pool != null) pool.shutdown();
        } finally {
            exclusive.unlock();
        }
    }

    @Override
    public String toString() {
        return name + " (" + layout.particles() + " × " + layout.spatialDim() + ", " + unit.energyUnit() + ")";
    }
}
