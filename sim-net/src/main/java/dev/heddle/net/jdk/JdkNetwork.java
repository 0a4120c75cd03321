package dev.heddle.net.jdk;

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
    public static final String SELECTOR_PROVIDER_PROPERTY = "java.nio.channels.spi.SelectorProvider";

    /** The JVM options to add to the test JVM (Surefire's {@code argLine}), on one line. */
    public static final String ARG_LINE = "-D" + SWITCH + "=true"
            + " -D" + SELECTOR_PROVIDER_PROPERTY + "=" + SimulatedSelectorProvider.class.getName()
            + " --add-opens java.base/java.net=ALL-UNNAMED"
            + " --add-exports java.base/sun.nio.ch=ALL-UNNAMED";

    private JdkNetwork() {}

    /** True in a JVM started with {@code -Dheddle.simulateJdkNetwork=true}. */
    public static boolean isSwitchedOn() {
        return Boolean.getBoolean(SWITCH);
    }
}
