package aelab.app.model;

import aelab.engine.Settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aelab.engine.TrainingConfig;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RunHistoryTest {
    private final RunHistory history = new RunHistory();

    @Test
    void runsOnTheChartsHaveDistinctColours() {
        Set<Integer> colours = new HashSet<>();
        for (int i = 0; i < RunHistory.PALETTE_SIZE; i++) colours.add(history.add(TrainingConfig.defaults()).colour());
        assertEquals(RunHistory.PALETTE_SIZE, colours.size());
    }

    @Test
    void aClearedColourIsUsedAgain() {
        history.add(TrainingConfig.defaults());
        Run second = history.add(TrainingConfig.defaults());
        history.clearOld();
        assertEquals(List.of(second), history.runs());
        assertEquals(0, history.add(TrainingConfig.defaults()).colour());
    }

    @Test
    void onlyTheNewestRunIsDrawnStrong() {
        Run a = history.add(TrainingConfig.defaults());
        Run b = history.add(Preset.THE_QUESTION.config());
        assertTrue(history.isFaded(a));
        assertFalse(history.isFaded(b));
        assertSame(b, history.latest());
    }

    @Test
    void aGroupTrainedSideBySideIsDrawnStrongInDistinctColours() {
        Run old = history.add(TrainingConfig.defaults());
        List<Run> group = history.addGroup(List.of(Preset.THE_QUESTION.config(), Preset.THE_ANSWER.config(),
                Preset.MSE.config()));
        assertEquals(List.of(2, 3, 4), group.stream().map(Run::id).toList());
        assertTrue(history.isFaded(old));
        for (Run r : group) assertFalse(history.isFaded(r), "#" + r.id());
        assertEquals(4, history.runs().stream().map(Run::colour).distinct().count());
        assertEquals(group, history.newest());
        assertSame(group.get(2), history.latest());
    }

    @Test
    void clearingOldRunsKeepsTheWholeNewestGroup() {
        history.add(TrainingConfig.defaults());
        List<Run> group = history.addGroup(List.of(Preset.THE_QUESTION.config(), Preset.THE_ANSWER.config()));
        history.clearOld();
        assertEquals(group, history.runs());
        history.add(TrainingConfig.defaults());
        assertEquals(1, history.newest().size(), "a solo run after the group is the newest alone");
    }

    @Test
    void legendNamesOutputLossAndScale() {
        Run q = history.add(Preset.THE_QUESTION.config());
        Run a = history.add(Preset.THE_ANSWER.config());
        assertEquals("#1 softmax + bce, raw 0–255", history.legendLabel(q));
        assertEquals("#2 sigmoid + bce, [0,1]", history.legendLabel(a));
    }

    @Test
    void legendAddsTheOtherSettingsInWhichRunsDiffer() {
        Run a = history.add(TrainingConfig.defaults());
        Run b = history.add(TrainingConfig.defaults().with(Settings.LEARNING_RATE, 0.01).with(Settings.SEED, 7L));
        assertEquals("#1 sigmoid + bce, [0,1] · lr 0.001 · seed 42", history.legendLabel(a));
        assertEquals("#2 sigmoid + bce, [0,1] · lr 0.01 · seed 7", history.legendLabel(b));
        assertNotEquals(history.legendLabel(a).substring(3), history.legendLabel(b).substring(3));
    }

    @Test
    void clearingOldRunsKeepsTheNewestAndChangesTheVersion() {
        history.add(TrainingConfig.defaults());
        Run keep = history.add(TrainingConfig.defaults());
        long before = history.version();
        history.clearOld();
        assertEquals(List.of(keep), history.runs());
        assertNotEquals(before, history.version());
        history.clear();
        assertTrue(history.runs().isEmpty());
    }

    @Test
    void aRemovalIsPutBackAsItWasInTheOrderOfTheRunNumbers() {
        Run a = history.add(TrainingConfig.defaults()), b = history.add(Preset.THE_QUESTION.config());
        RunHistory.Removal gone = history.clear();
        assertEquals(List.of(a, b), gone.runs());
        assertTrue(history.runs().isEmpty());
        history.restore(gone);
        assertEquals(List.of(a, b), history.runs());
        assertEquals(List.of(b), history.newest());
        history.clear();
        assertEquals(null, history.clear(), "nothing left to remove");
    }

    @Test
    void aPutBackRunWhoseColourWasTakenGetsAFreeOne() {
        Run a = history.add(TrainingConfig.defaults());
        history.add(TrainingConfig.defaults());
        RunHistory.Removal old = history.clearOld();
        Run c = history.add(TrainingConfig.defaults());
        assertEquals(a.colour(), c.colour(), "the freed colour was taken");
        history.restore(old);
        assertEquals(3, history.runs().stream().mapToInt(Run::colour).distinct().count());
        assertEquals(List.of(c), history.newest(), "the newest stay the newest");
    }

    @Test
    void numbersStartAtOneOnEmptyChartsAndSkipThoseTakenElsewhere() {
        int[] elsewhere = {0};
        RunHistory h = new RunHistory(() -> elsewhere[0]);
        assertEquals(1, h.add(TrainingConfig.defaults()).id());
        assertEquals(2, h.add(TrainingConfig.defaults()).id());
        h.clear();
        assertEquals(1, h.add(TrainingConfig.defaults()).id(), "after Reset the count starts again");
        h.clear();
        elsewhere[0] = 7;   // a row of Results still has #7
        assertEquals(8, h.add(TrainingConfig.defaults()).id());
    }

    @Test
    void runsComingBackAreRenumberedAfterThoseShownOnlyWhenOneOfTheirNumbersIsTaken() {
        RunHistory before = new RunHistory(), now = new RunHistory();
        Run a = before.add(TrainingConfig.defaults()), b = before.add(TrainingConfig.defaults());
        assertEquals("", RunHistory.renumberIfTaken(java.util.List.of(b, a), java.util.List.of()));
        assertEquals(java.util.List.of(1, 2), java.util.List.of(a.id(), b.id()), "nothing taken: the numbers stay");
        Run fresh = now.add(TrainingConfig.defaults());   // #1 again
        assertEquals("The runs put back were #1, #2 and are #2, #3 now: runs started since have taken their numbers.",
                RunHistory.renumberIfTaken(java.util.List.of(b, a), java.util.List.of(fresh)));
        assertEquals(java.util.List.of(1, 2, 3), java.util.List.of(fresh.id(), a.id(), b.id()), "after the run shown, in their order");
    }
}
