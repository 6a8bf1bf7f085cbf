package io.pitaj.workflows.embedded;

import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * Temporal's Java test server as the embedded default: a real gRPC Temporal frontend in this process, in real time
 * (no time skipping), in memory. {@code TestServer.createPortBoundServer} binds every interface; this binds the
 * loopback address only, on a free port, by registering the same services on a server of our own — hence the use
 * of the test server's internal starter, pinned with the SDK version in the parent pom.
 *
 * <p>Its state is lost when it stops. That is why a run's durability in embedded mode comes from the stage cache in
 * the store, not from Temporal's history: a rerun of the run id submits the workflow again and every completed stage
 * is found and reused.
 */
public final class EmbeddedTemporal implements AutoCloseable {
    /**
     * Stopping the in-memory service cancels its pending timers, which gRPC reports at INFO through
     * java.util.logging as a rejected task per timer: a benign shutdown race, not worth a stack trace each. Held in a
     * field because java.util.logging keeps loggers only weakly, and a collected logger forgets its level.
     */
    private static final java.util.logging.Logger GRPC_CONTEXT = java.util.logging.Logger.getLogger("io.grpc.Context");

    static {
        GRPC_CONTEXT.setLevel(java.util.logging.Level.WARNING);
    }

    private final TestServicesStarter services;
    private final Server server;

    private EmbeddedTemporal(TestServicesStarter services, Server server) {
        this.services = services;
        this.server = server;
    }

    public static EmbeddedTemporal start() {
        TestServicesStarter services = new TestServicesStarter(true, 0);
        NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                InsecureServerCredentials.create());
        GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
        try {
            return new EmbeddedTemporal(services, builder.build().start());
        } catch (IOException e) {
            services.close();
            throw new UncheckedIOException("cannot start the embedded Temporal server: " + e.getMessage(), e);
        }
    }

    /** host:port of the frontend, for a service stub. */
    public String target() { return "127.0.0.1:" + server.getPort(); }

    @Override
    public void close() {
        server.shutdown();
        try {
            if (!server.awaitTermination(5, TimeUnit.SECONDS)) server.shutdownNow();
        } catch (InterruptedException e) {
            server.shutdownNow();
            Thread.currentThread().interrupt();
        }
        services.close();
    }
}
