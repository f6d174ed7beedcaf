package aelab.app.session;

import aelab.app.model.Run;
import aelab.app.model.RunHistory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What Reset and Clear old runs took away, newest last, so that Edit › Undo can put it back: one key
 * press must never wipe every run for good. Runs keep their weights and curves while here; the last
 * {@value #KEPT} removals are kept (a run of the default model holds about 3 MB).
 */
public final class Removals {
    static final int KEPT = 20;

    /** One removal: what left the charts (null when only results rows went) and the results rows. */
    record Removal(String action, RunHistory.Removal charts, List<Run> results) { }

    private final Deque<Removal> done = new ArrayDeque<>();
    private final ReadOnlyStringWrapper undoable = new ReadOnlyStringWrapper(this, "undoable", "");
    private final ReadOnlyStringWrapper said = new ReadOnlyStringWrapper(this, "said", "");
    private String undoneNote = "";

    /** Keeps what an action removed; nothing when it removed nothing. */
    void removed(String action, RunHistory.Removal charts, List<Run> results) {
        if (charts == null && results.isEmpty()) return;
        done.addLast(new Removal(action, charts, List.copyOf(results)));
        while (done.size() > KEPT) done.removeFirst();
        int n = charts == null ? 0 : charts.runs().size();
        said.set(action + " removed " + n + (n == 1 ? " run" : " runs") + " from the charts"
                + (results.isEmpty() ? "" : " and " + results.size() + " from Results"));
        undoable.set(action);
    }

    /** Takes the last removal to put back; {@link #undone} says when it is back. */
    Removal pop() {
        Removal r = done.pollLast();
        undoable.set(done.isEmpty() ? "" : done.peekLast().action());
        return r;
    }

    /** The removal popped is back; note says what changed on the way ("" when nothing did). */
    void undone(String note) {
        undoneNote = note;
        said.set("");
    }

    /** What the last Undo changed on the way, e.g. new numbers for runs put back; "" when nothing. */
    public String undoneNote() { return undoneNote; }

    /** Nothing can be undone any more: the runs belong to digits or a file that replaced them. */
    void forget() {
        undoneNote = "";
        done.clear();
        undoable.set("");
        said.set("");
    }

    /** The action Edit › Undo would undo, e.g. "Reset"; "" when there is none. */
    public ReadOnlyStringProperty undoableProperty() { return undoable.getReadOnlyProperty(); }

    /** What the last removal did, in words ("Reset removed 3 runs from the charts"); "" once undone. */
    public ReadOnlyStringProperty saidProperty() { return said.getReadOnlyProperty(); }
}
