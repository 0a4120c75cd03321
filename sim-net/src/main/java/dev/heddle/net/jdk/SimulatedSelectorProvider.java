package dev.heddle.net.jdk;

import dev.heddle.net.internal.channel.SimulatedDatagramChannel;
import dev.heddle.net.internal.channel.SimulatedSelector;
import dev.heddle.net.internal.channel.SimulatedServerSocketChannel;
import dev.heddle.net.internal.channel.SimulatedSocketChannel;
import dev.heddle.net.internal.sim.SimNetwork;
import dev.heddle.sim.SimContext;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.nio.channels.Channel;
import java.nio.channels.DatagramChannel;
import java.nio.channels.Pipe;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.spi.AbstractSelector;
import java.nio.channels.spi.SelectorProvider;
import java.util.Objects;
import java.util.Optional;

/**
 * The JVM's {@code java.nio} channel factory in a test JVM that simulates JDK networking, installed
 * with {@code -Djava.nio.channels.spi.SelectorProvider=dev.heddle.net.jdk.SimulatedSelectorProvider}:
 * {@code SocketChannel.open()}, {@code ServerSocketChannel.open()} and {@code DatagramChannel.open()}
 * called by a simulated task return channels on that run's simulated network, in blocking mode
 * (with their {@code socket()} adaptors) or non-blocking mode with a simulated {@code Selector}
 * ({@code Selector.open()} in the task); called on any other thread, every method is the JDK's own
 * provider's, so real and simulated channels share the JVM.
 *
 * <p>In a simulated task {@code Pipe.open()} is refused with a message saying what to use instead
 * (a pipe between tasks of one host is a Heddle channel's job), and so are UNIX-domain channels;
 * {@code System.inheritedChannel()} is null. The JDK's provider is reached
 * through {@code sun.nio.ch.DefaultSelectorProvider}, which needs
 * {@code --add-exports java.base/sun.nio.ch=ALL-UNNAMED}; without it the first channel fails saying
 * so. Simulated channels also need the JVM's switch, {@code -Dheddle.simulateJdkNetwork=true};
 * without it a simulated task's channel fails saying so, rather than reaching the real network.
 */
public final class SimulatedSelectorProvider extends SelectorProvider {
    /** The JVM option that lets this provider reach the JDK's own. */
    static final String EXPORT = "--add-exports java.base/sun.nio.ch=ALL-UNNAMED";

    private static volatile SelectorProvider jdk;

    /** Called by {@link SelectorProvider#provider()}, once per JVM, when the system property names this class. */
    public SimulatedSelectorProvider() {}

    @Override
    public SocketChannel openSocketChannel() throws IOException {
        Optional<SimNetwork> network = simulated("SocketChannel.open()");
        return network.isPresent() ? new SimulatedSocketChannel(this, network.get()) : jdk().openSocketChannel();
    }

    @Override
    public SocketChannel openSocketChannel(ProtocolFamily family) throws IOException {
        Objects.requireNonNull(family, "family");
        Optional<SimNetwork> network = simulated("SocketChannel.open(" + family + ")");
        if (network.isEmpty()) {
            return jdk().openSocketChannel(family);
        }
        checkInet(family, "SocketChannel");
        return new SimulatedSocketChannel(this, network.get());
    }

    @Override
    public ServerSocketChannel openServerSocketChannel() throws IOException {
        Optional<SimNetwork> network = simulated("ServerSocketChannel.open()");
        return network.isPresent() ? new SimulatedServerSocketChannel(this, network.get())
                : jdk().openServerSocketChannel();
    }

    @Override
    public ServerSocketChannel openServerSocketChannel(ProtocolFamily family) throws IOException {
        Objects.requireNonNull(family, "family");
        Optional<SimNetwork> network = simulated("ServerSocketChannel.open(" + family + ")");
        if (network.isEmpty()) {
            return jdk().openServerSocketChannel(family);
        }
        checkInet(family, "ServerSocketChannel");
        return new SimulatedServerSocketChannel(this, network.get());
    }

    @Override
    public DatagramChannel openDatagramChannel() throws IOException {
        Optional<SimNetwork> network = simulated("DatagramChannel.open()");
        return network.isPresent() ? new SimulatedDatagramChannel(this, network.get()) : jdk().openDatagramChannel();
    }

    @Override
    public DatagramChannel openDatagramChannel(ProtocolFamily family) throws IOException {
        Objects.requireNonNull(family, "family");
        Optional<SimNetwork> network = simulated("DatagramChannel.open(" + family + ")");
        if (network.isEmpty()) {
            return jdk().openDatagramChannel(family);
        }
        checkInet(family, "DatagramChannel");
        return new SimulatedDatagramChannel(this, network.get());
    }

    @Override
    public Pipe openPipe() throws IOException {
        if (simulated("Pipe.open()").isPresent()) {
            throw new UnsupportedOperationException("Pipe.open() in a simulated task is not simulated: a pipe between"
                    + " tasks of one simulated host is a Heddle channel's job (dev.heddle.channel.mpsc), or a"
                    + " simulated SocketChannel to the host's own listener");
        }
        return jdk().openPipe();
    }

    @Override
    public AbstractSelector openSelector() throws IOException {
        if (simulated("Selector.open()").isEmpty()) {
            return jdk().openSelector();
        }
        return new SimulatedSelector(this, SimContext.current().orElseThrow());
    }

    /** Null in a simulated task, which inherits no channel from a launcher; elsewhere the JDK's answer. */
    @Override
    public Channel inheritedChannel() throws IOException {
        if (SimContext.current().isPresent()) {
            return null;
        }
        return jdk().inheritedChannel();
    }

    /**
     * The calling simulated task's network, or empty on any other thread.
     *
     * @throws IllegalStateException in a simulated task of a JVM without the switch, naming it
     */
    private static Optional<SimNetwork> simulated(String opening) {
        Optional<SimContext> run = SimContext.current();
        if (run.isEmpty()) {
            return Optional.empty();
        }
        if (!JdkNetwork.isSwitchedOn()) {
            throw new IllegalStateException(opening + " in a simulated task needs the test JVM started with -D"
                    + JdkNetwork.SWITCH
                    + "=true (in Surefire's argLine), which opens java.nio channels on the run's simulated network;"
                    + " without it a simulated task never opens a real channel");
        }
        return Optional.of(SimNetwork.of(run.get()));
    }

    private static void checkInet(ProtocolFamily family, String channel) {
        if (family != StandardProtocolFamily.INET && family != StandardProtocolFamily.INET6) {
            throw new UnsupportedOperationException(channel + ".open(" + family + ") in a simulated task: the simulated"
                    + " network carries TCP and UDP between hosts' inet addresses only; open it with INET (or INET6),"
                    + " or without a family");
        }
    }

    /**
     * The JDK's own provider, which this one stands in front of; looked up on first use, so that a
     * JVM missing the export fails at its first channel (each time, not once), saying which line to add.
     */
    private static SelectorProvider jdk() {
        SelectorProvider found = jdk;
        if (found == null) {
            found = lookUpJdk();
            jdk = found;
        }
        return found;
    }

    private static SelectorProvider lookUpJdk() {
        try {
            Class<?> holder = Class.forName("sun.nio.ch.DefaultSelectorProvider");
            return (SelectorProvider) holder.getMethod("get").invoke(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(SimulatedSelectorProvider.class.getName() + " is installed (the system"
                    + " property java.nio.channels.spi.SelectorProvider) but cannot reach the JDK's own provider,"
                    + " which it hands every channel outside simulation: add the JVM option " + EXPORT
                    + " (in Surefire's argLine, next to the property)", e);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e instanceof InvocationTargetException target ? target.getCause() : e;
            throw new IllegalStateException("the JDK's own SelectorProvider (sun.nio.ch.DefaultSelectorProvider"
                    + ".get()) could not be had on Java " + Runtime.version() + ": " + cause, cause);
        }
    }
}
