package dev.heddle.net.internal.lookup;

import dev.heddle.net.jdk.JdkNetwork;

/**
 * A name lookup by a simulated task in a JVM started without {@link JdkNetwork#SWITCH}: an
 * {@link Error}, so that it reaches the task. The JDK turns whatever else a resolver throws into
 * an {@code UnknownHostException} that names the host alone, and {@code new Socket("db1", 7000)}
 * or {@code new InetSocketAddress("db1", 7000)} swallows even that into an unresolved address,
 * so the task would see "db1" and nothing of what to do. The lookup itself never reaches the
 * real resolver.
 */
final class SimulatedLookupRefused extends Error {
    SimulatedLookupRefused(String what) {
        super(what + ": a name lookup in a simulated task needs the test JVM started with -D" + JdkNetwork.SWITCH
                + "=true (in Surefire's argLine, with the other options of " + JdkNetwork.class.getName()
                + ".ARG_LINE), which answers from the run's simulated hosts and turns off the JDK's lookup cache, so"
                + " that one run's answers never reach the next; without it a simulated task never looks a name up"
                + " for real");
    }
}
