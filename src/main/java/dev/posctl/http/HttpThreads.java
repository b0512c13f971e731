package dev.posctl.http;

import java.net.http.HttpClient;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Ends an HttpClient's selector thread when posctl is done with the client. On JDK 17 the JVM's exit
 * waits up to 300 ms for every thread blocked in native code, and a client's selector thread sits
 * in epoll_wait until the client is garbage-collected (JDK 17 has no HttpClient.close), so a
 * one-shot update would spend a third of its life exiting.
 */
public final class HttpThreads {
    private HttpThreads() {}

    /** One daemon thread that ends a body at its deadline (see BoundedBody); idle, it ends too. */
    public static ScheduledThreadPoolExecutor watchdog() {
        ScheduledThreadPoolExecutor w = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "posctl-http-watchdog");
            t.setDaemon(true);
            return t;
        });
        w.setRemoveOnCancelPolicy(true);
        w.setKeepAliveTime(10, TimeUnit.SECONDS);
        w.allowCoreThreadTimeOut(true);
        return w;
    }

    public static void release(HttpClient client) {
        if (client instanceof AutoCloseable) {
            // JDK 21 and later: the real thing
            try {
                ((AutoCloseable) client).close();
            } catch (Exception e) {
                // closing is best effort: the process is finishing with this client anyway
            }
            return;
        }
        // JDK 17: the client's toString ends with "(id)", which names its thread (the JDK's own tests rely on it)
        String s = client.toString();
        int open = s.lastIndexOf('(');
        if (open < 0 || !s.endsWith(")")) {
            return;
        }
        String name = "HttpClient-" + s.substring(open + 1, s.length() - 1) + "-SelectorManager";
        for (Thread t : threads()) {
            if (t != null && name.equals(t.getName())) {
                // the selector loop ends when its thread is interrupted
                t.interrupt();
                try {
                    t.join(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static Thread[] threads() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 8];
        root.enumerate(threads, true);
        return threads;
    }
}
