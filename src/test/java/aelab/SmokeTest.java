package aelab;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.*;
class SmokeTest { @Test void vectorApiPresent() { assertTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()); } }
