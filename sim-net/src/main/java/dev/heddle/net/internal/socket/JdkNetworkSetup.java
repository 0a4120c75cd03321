package dev.heddle.net.internal.socket;

import dev.heddle.net.jdk.JdkNetwork;
import dev.heddle.sim.SimulationSetup;

/**
 * Installs the JDK network seams before a simulation starts, in a JVM started with
 * {@link JdkNetwork#SWITCH}: the simulator runs it (a {@link SimulationSetup} listed in sim-net's
 * {@code META-INF/services}), so a user adds JVM options and nothing else.
 */
public final class JdkNetworkSetup implements SimulationSetup {

    /** Called by the service loader. */
    public JdkNetworkSetup() {}

    @Override
    public void beforeSimulation() {
        if (JdkNetwork.isSwitchedOn()) {
            JdkNetwork.install();
        }
    }
}
