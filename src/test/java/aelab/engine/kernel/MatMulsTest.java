package aelab.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
