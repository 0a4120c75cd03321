package dev.heddle.runtime.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The {@link Node} of every task of a real runtime: this machine, on the runtime's clock.
 *
 * <p>Its name is looked up the first time it is asked for, and kept: the lookup may ask a
 * name service, which no runtime that never asks should wait for.
 */
public final class LocalMachine implements Node {
    /** The one instance: a JVM runs on one machine. */
    public static final LocalMachine INSTANCE = new LocalMachine();

    private LocalMachine() {}

    /** This machine's host name, or {@code "localhost"} when it has none the JDK can find. */
    @Override
    public String name() {
        return Name.VALUE;
    }

    @Override
    public String toString() {
        return "LocalMachine[" + name() + "]";
    }

    /** Looked up when first read (the holder-class idiom: lazy, and safe without a lock). */
    private static final class Name {
        static final String VALUE = lookUp();

        private static String lookUp() {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException | SecurityException e) {
                return "localhost";
            }
        }
    }
}
