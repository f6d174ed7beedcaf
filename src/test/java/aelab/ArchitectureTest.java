package aelab;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering, checked over the compiled classes (tests excluded). The engine and the data layer are
 * plain Java that knows nothing of files, command line or window, so they run and test headless; the
 * file formats and the command line use no JavaFX; the app's model holds no scene graph; inside the
 * app, dependencies point one way (shell → files → views → charts, and everything → session → model);
 * and no two packages depend on each other.
 */
@AnalyzeClasses(packages = "aelab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule engineAndDataUseNoUiNoFilesNoCommandLine = noClasses()
            .that().resideInAnyPackage("aelab.engine..", "aelab.data..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "aelab.app..", "aelab.cli..", "aelab.io..", "aelab.bench..", "javafx..", "org.jfree..");

    @ArchTest
    static final ArchRule fileFormatsAndCommandLineUseNoUi = noClasses()
            .that().resideInAnyPackage("aelab.io..", "aelab.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("aelab.app..", "aelab.bench..", "javafx..", "org.jfree..");

    /** JavaFX properties and bindings are the model's currency; nodes, windows and charts are not. */
    @ArchTest
    static final ArchRule appModelHoldsNoSceneGraphAndNoView = noClasses()
            .that().resideInAPackage("aelab.app.model..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "org.jfree..")
            .orShould().dependOnClassesThat(resideInAPackage("aelab.app..").and(not(resideInAPackage("aelab.app.model.."))));

    @ArchTest
    static final ArchRule appDependenciesPointOneWay = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Bench").definedBy("aelab.bench..")
            .layer("Shell").definedBy("aelab.app")
            .layer("Files").definedBy("aelab.app.files..")
            .layer("Views").definedBy("aelab.app.view..")
            .layer("Charts").definedBy("aelab.app.chart..")
            .layer("Session").definedBy("aelab.app.session..")
            .layer("Model").definedBy("aelab.app.model..")
            .whereLayer("Bench").mayNotBeAccessedByAnyLayer()
            .whereLayer("Shell").mayOnlyBeAccessedByLayers("Bench")
            .whereLayer("Files").mayOnlyBeAccessedByLayers("Shell", "Bench")
            .whereLayer("Views").mayOnlyBeAccessedByLayers("Shell", "Files", "Bench")
            .whereLayer("Charts").mayOnlyBeAccessedByLayers("Views", "Shell", "Bench")
            .whereLayer("Session").mayOnlyBeAccessedByLayers("Views", "Files", "Shell", "Bench");

    /** Every package is a slice: aelab.engine, aelab.engine.kernel, aelab.app.view, … */
    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().matching("aelab.(**)").should().beFreeOfCycles();
}
