package aelab.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(List.of(java, "-Xlog:class+load=info",
                "-cp", System.getProperty("java.class.path"), FallbackProbe.class.getName()))
                .redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child JVM hung");
        assertEquals(0, child.exitValue(), out);
        assertTrue(out.contains("kernel=ReferenceMatMul product=6.0"), out);
        assertTrue(out.contains("fast kernel unavailable (jdk.incubator.vector not present)"), out);
        assertFalse(out.contains("aelab.engine.kernel.VectorMatMul "), "VectorMatMul was loaded");
        assertFalse(out.contains("aelab.engine.kernel.MicroKernel "), "MicroKernel was loaded");
    }
}
