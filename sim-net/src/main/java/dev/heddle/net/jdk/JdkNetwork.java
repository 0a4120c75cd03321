package dev.heddle.net.jdk;

import dev.heddle.net.internal.socket.RoutingSocketImplFactory;

/**
 * Unmodified JDK network code in simulation: with the JVM options of {@link #ARG_LINE}, a
 * {@code java.net.Socket} or {@code ServerSocket} created in a simulated task runs on that
 * run's simulated network, and {@code InetAddress.getByName} in a task resolves the run's
 * simulated hosts; on every other thread both are exactly the JDK's, so one test JVM holds
 * simulations and real sockets side by side. Add the options to the test JVM (Surefire's
 * {@code argLine}) and nothing else: the simulator installs the socket factories before the
 * JVM's first simulation.
 *
 * <pre>{@code
 * <argLine>
 *   -Dheddle.simulateJdkNetwork=true
 *   -Djava.nio.channels.spi.SelectorProvider=dev.heddle.net.jdk.SimulatedSelectorProvider
 *   --add-opens java.base/java.net=ALL-UNNAMED
 *   --add-exports java.base/sun.nio.ch=ALL-UNNAMED
 * </argLine>
 * }</pre>
 *
 * The switch is off by default because sim-net is also a production network library: a
 * production JVM never gets the factories, and keeps the JDK's lookup cache. Without the switch,
 * a simulated task that looks a name up fails saying what to add, and one that waits on a real
 * socket is reported by the simulator as a foreign wake-up naming the call and this switch.
 */
public final class JdkNetwork {
    /** The system property that turns the seams on: {@code -Dheddle.simulateJdkNetwork=true}. */
    public static final String SWITCH = "heddle.simulateJdkNetwork";

    /** The JDK's system property naming the JVM's selector provider, which the java.nio seam is installed by. */
    private static final String SELECTOR_PROVIDER_PROPERTY = "java.nio.channels.spi.SelectorProvider";
    /** The java.nio seam's selector provider. */
    private static final String SELECTOR_PROVIDER = "dev.heddle.net.jdk.SimulatedSelectorProvider";

    /** The JVM options to add to the test JVM (Surefire's {@code argLine}), on one line. */
    public static final String ARG_LINE = "-D" + SWITCH + "=true"
            + " -D" + SELECTOR_PROVIDER_PROPERTY + "=" + SELECTOR_PROVIDER
            + " --add-opens java.base/java.net=ALL-UNNAMED"
            + " --add-exports java.base/sun.nio.ch=ALL-UNNAMED";

    private static boolean installed;
    private static IllegalStateException failure;

    private JdkNetwork() {}

    /** True in a JVM started with {@code -Dheddle.simulateJdkNetwork=true}. */
    public static boolean isSwitchedOn() {
        return Boolean.getBoolean(SWITCH);
    }

    /**
     * Installs the {@code java.net} socket factories into this JVM, once: the simulator calls it
     * before each simulation when the switch is on, so tests need not. Later calls return at
     * once, or throw the first call's failure again.
     *
     * @throws IllegalStateException if a JVM option is missing (the message names the line to
     *     add, and gives {@link #ARG_LINE}) or the JVM already has another socket factory
     */
    public static synchronized void install() {
        if (installed) {
            return;
        }
        if (failure == null) {
            try {
                checkSelectorProvider();
                RoutingSocketImplFactory.install();
                installed = true;
                return;
            } catch (IllegalStateException e) {
                failure = e;
            }
        }
        throw new IllegalStateException(failure.getMessage() + ". The JVM options for simulated JDK networking are: "
                + ARG_LINE, failure);
    }

    /**
     * Fails unless the JVM's selector provider is the java.nio seam's, when sim-net has one: the
     * JDK reads the property once, at the first use of java.nio, so only the JVM's options can
     * set it, and without it a simulated task's channels would be real.
     */
    private static void checkSelectorProvider() {
        if (JdkNetwork.class.getClassLoader().getResource(SELECTOR_PROVIDER.replace('.', '/') + ".class") == null) {
            return;
        }
        String provider = System.getProperty(SELECTOR_PROVIDER_PROPERTY);
        if (!SELECTOR_PROVIDER.equals(provider)) {
            throw new IllegalStateException("java.nio channels of simulated tasks need the JVM option -D"
                    + SELECTOR_PROVIDER_PROPERTY + "=" + SELECTOR_PROVIDER + " (the JVM has "
                    + (provider == null ? "none" : provider) + "): add it to the test JVM's options (Surefire's"
                    + " argLine), next to -D" + SWITCH + "=true");
        }
    }
}
