package aelab;

/**
 * In the relaunched child: stops this process when the launcher that started it is gone. A launcher
 * killed with SIGKILL cannot pass the signal on, and without this watch its child would train on
 * unseen, holding the cores and the memory, its output going nowhere.
 *
 * The child then ends as if it had been sent SIGTERM — through System.exit, so the shutdown hooks run
 * and {@code train --save} saves the run so far — with status {@link #STOPPED}, 143 (128 + 15), the
 * status the JVM itself gives on SIGTERM, so a watcher of the exit status sees one meaning for both.
 */
final class LauncherWatch {
    static final String PID_PROPERTY = "aelab.launcher.pid";
    static final int STOPPED = 143;
    private static final long POLL_MILLIS = 200;   // the child stops within about this after the launcher dies

    private LauncherWatch() { }

    /** Starts watching the launcher named by the system property, if there is one and it still runs. */
    static void startIfRelaunched() {
        String pid = System.getProperty(PID_PROPERTY);
        if (pid == null) return;
        ProcessHandle launcher;
        try {
            // The handle keeps the launcher's start time, so a new process that reuses its pid is not taken for it.
            launcher = ProcessHandle.of(Long.parseLong(pid)).orElse(null);
        } catch (NumberFormatException e) {
            return;
        }
        if (launcher == null) {
            System.exit(STOPPED);   // gone already, before we looked
            return;
        }
        Thread t = new Thread(() -> watch(launcher), "aelab-launcher-watch");
        t.setDaemon(true);
        t.start();
    }

    private static void watch(ProcessHandle launcher) {
        try {
            while (alive(launcher)) Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            return;
        }
        System.exit(STOPPED);
    }

    /**
     * A killed launcher stays a zombie, "alive" to its handle, until its own parent reaps it — which a
     * shell busy elsewhere may not do for a while; but its children are handed to another parent the
     * moment it dies, so a changed parent says it at once.
     */
    private static boolean alive(ProcessHandle launcher) {
        long parent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
        return parent == launcher.pid() && launcher.isAlive();
    }
}
