package aelab.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aelab.testing.ChildProcess;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatMulsTest {
    @Test
    void bestIsTheVectorKernelWhenTheModuleIsPresent() {
        assertTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
                "tests run with --add-modules=jdk.incubator.vector");
        assertInstanceOf(VectorMatMul.class, MatMuls.best());
    }

    @Test
    void referenceIsEjml() {
        assertInstanceOf(ReferenceMatMul.class, MatMuls.reference());
    }

    @Test
    void eachCallGivesItsOwnInstanceForItsOwnThread() {
        assertNotSame(MatMuls.best(), MatMuls.best());
    }

    /** A child JVM without --add-modules: EJML answers, says why once, and no Vector API class is loaded. */
    @Test
    void fallsBackToEjmlWithoutTheVectorModule() throws IOException, InterruptedException {
        ChildProcess.Result child = ChildProcess.run(new ProcessBuilder(ChildProcess.java(
                List.of("-Xlog:class+load=info"), FallbackProbe.class.getName())), Duration.ofSeconds(60));
        String out = child.output();
        assertTrue(child.finished(), "child JVM hung: " + child.describe());
        assertEquals(0, child.exit(), out);
        assertTrue(out.contains("kernel=ReferenceMatMul product=6.0"), out);
        assertTrue(out.contains("fast kernel unavailable (jdk.incubator.vector not present)"), out);
        assertFalse(out.contains("aelab.engine.kernel.VectorMatMul "), "VectorMatMul was loaded");
        assertFalse(out.contains("aelab.engine.kernel.MicroKernel "), "MicroKernel was loaded");
    }
}
