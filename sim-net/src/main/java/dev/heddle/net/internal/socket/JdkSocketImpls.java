package dev.heddle.net.internal.socket;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.SocketImpl;

/**
 * The JDK's own socket implementations, made as {@code Socket} and {@code ServerSocket} make
 * them when no factory is installed: a client socket is the JDK's SOCKS implementation around a
 * platform one (so {@code socksProxyHost} and the {@code ProxySelector} still apply), a server
 * socket a platform one. Both are package-private in {@code java.base}, reached by reflection,
 * which needs {@code --add-opens java.base/java.net=ALL-UNNAMED}.
 */
final class JdkSocketImpls {
    /** The JVM option this class needs, as users write it. */
    static final String REQUIRED_OPTION = "--add-opens java.base/java.net=ALL-UNNAMED";

    private final MethodHandle platform;
    private final MethodHandle socks;

    private JdkSocketImpls(MethodHandle platform, MethodHandle socks) {
        this.platform = platform;
        this.socks = socks;
    }

    /**
     * Opens the JDK's implementations.
     *
     * @throws IllegalStateException if the JVM was started without {@link #REQUIRED_OPTION}, saying to add it
     */
    static JdkSocketImpls open() {
        try {
            MethodHandles.Lookup net = MethodHandles.privateLookupIn(SocketImpl.class, MethodHandles.lookup());
            MethodHandle platform = net.findStatic(SocketImpl.class, "createPlatformSocketImpl",
                    MethodType.methodType(SocketImpl.class, boolean.class));
            Class<?> socksClass = Class.forName("java.net.SocksSocketImpl");
            MethodHandle socks = net.findConstructor(socksClass, MethodType.methodType(void.class, SocketImpl.class));
            return new JdkSocketImpls(platform, socks);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("java.net sockets outside simulated tasks must stay the JDK's own, which"
                    + " Heddle reaches only with the JVM option " + REQUIRED_OPTION + ": add it to the test JVM's"
                    + " options (Surefire's argLine), next to -Dheddle.simulateJdkNetwork=true", e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this JDK (" + Runtime.version() + ") has no"
                    + " SocketImpl.createPlatformSocketImpl(boolean) or SocksSocketImpl(SocketImpl), which Heddle"
                    + " needs to keep java.net sockets outside simulated tasks the JDK's own; run on JDK 25", e);
        }
    }

    /** A new client implementation, as {@code new Socket()} makes it without a factory. */
    SocketImpl client() {
        return make(true);
    }

    /** A new server implementation, as {@code new ServerSocket()} makes it without a factory. */
    SocketImpl server() {
        return make(false);
    }

    private SocketImpl make(boolean client) {
        try {
            SocketImpl impl = (SocketImpl) platform.invokeExact(!client);
            return client ? (SocketImpl) socks.invoke(impl) : impl;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("the JDK could not make a socket implementation", e);
        }
    }
}
