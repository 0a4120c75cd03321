package dev.heddle.net.jdk;

import java.io.IOException;
import java.net.InetSocketAddress;

/** A server of the line protocol of {@link ChannelLineClient}, run by a thread or task until "CRASH". */
interface ChannelLineService extends Runnable {
    InetSocketAddress address() throws IOException;
}
