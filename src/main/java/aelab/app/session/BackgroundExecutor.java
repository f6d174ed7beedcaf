package aelab.app.session;

/**
 * Where slow work (loading data, training) runs. The window uses a daemon thread per task; tests can
 * run the same work on the calling thread and check the result without waiting.
 */
@FunctionalInterface
public interface BackgroundExecutor {
    void execute(String name, Runnable task);

    /** A new daemon thread per task, so an unfinished run never keeps the program alive after the window closes. */
    static BackgroundExecutor daemonThreads() {
        return (name, task) -> {
            Thread t = new Thread(task, "aelab " + name);
            t.setDaemon(true);
            t.start();
        };
    }

    /** Runs each task at once on the caller's thread. */
    static BackgroundExecutor direct() {
        return (name, task) -> task.run();
    }
}
