package dev.arbiter.app.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.app.common.task.BackgroundTask;
import dev.arbiter.app.common.task.TaskExecutor;
import dev.arbiter.importers.Sql;
import dev.arbiter.importers.experiment.ExperimentBuilder;
import dev.arbiter.importers.experiment.DefinitionChecks;
import dev.arbiter.importers.experiment.ExperimentDefinition;
import dev.arbiter.importers.experiment.ExperimentFile;
import dev.arbiter.importers.experiment.ExperimentStore;
import dev.arbiter.importers.experiment.MetricDefinition;
import dev.arbiter.importers.ingest.ColumnInfo;
import dev.arbiter.importers.ingest.DatasetCatalog;
import dev.arbiter.importers.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The experiment editor: every key of a definition as a field, filled from the workspace's
 * datasets and columns, checked as the analyst types — by the same parser and checks as
 * {@code arbiter analyze} (problems name their key) — then saved into the workspace or exported as
 * the JSON file {@code arbiter analyze} reads.
 */
public final class ExperimentEditorViewModel {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Workspace workspace;
    private final TaskExecutor executor;
    private final Map<String, List<ColumnInfo>> datasets = new LinkedHashMap<>();
    private final Map<String, List<String>> armValues = new LinkedHashMap<>();
    private final ObservableList<String> datasetNames = FXCollections.observableArrayList();
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<GuardrailDraft> guardrails = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ExperimentDefinition> definition = new ReadOnlyObjectWrapper<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty question = new SimpleStringProperty("");
    private final StringProperty dataset = new SimpleStringProperty("");
    private final StringProperty variantColumn = new SimpleStringProperty("");
    private final StringProperty control = new SimpleStringProperty("");
    private final StringProperty treatments = new SimpleStringProperty("");
    private final StringProperty unitColumn = new SimpleStringProperty("");
    private final StringProperty timestampColumn = new SimpleStringProperty("");
    private final StringProperty alpha = new SimpleStringProperty("0.05");
    private final StringProperty power = new SimpleStringProperty("0.8");
    private final StringProperty segments = new SimpleStringProperty("");
    private final StringProperty primaryName = new SimpleStringProperty("");
    private final StringProperty primaryColumn = new SimpleStringProperty("");
    private final StringProperty primaryKind = new SimpleStringProperty("unit");
    private final StringProperty primaryAggregate = new SimpleStringProperty("max");
    private final StringProperty primaryDirection = new SimpleStringProperty("increase");
    private final StringProperty primaryMde = new SimpleStringProperty("0.02");
    private final BooleanProperty primaryMdeRelative = new SimpleBooleanProperty(false);
    private ExperimentDefinition original;

    public ExperimentEditorViewModel(Workspace workspace, TaskExecutor executor) {
        this.workspace = workspace;
        this.executor = executor;
        listenForChanges();
    }

    /** Every edit re-checks the form; a new dataset shows its columns, a new variant column reads its arms. */
    private void listenForChanges() {
        for (StringProperty field : List.of(name, question, dataset, variantColumn, control, treatments, unitColumn,
                timestampColumn, alpha, power, segments, primaryName, primaryColumn, primaryKind, primaryAggregate,
                primaryDirection, primaryMde)) {
            field.addListener((obs, old, now) -> check());
        }
        primaryMdeRelative.addListener((obs, old, now) -> check());
        dataset.addListener((obs, old, now) -> showColumns());
        variantColumn.addListener((obs, old, now) -> loadArms());
        listenToGuardrails();
    }

    private void listenToGuardrails() {
        guardrails.addListener((ListChangeListener<GuardrailDraft>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(g -> Arrays.stream(g.fields()).forEach(f -> f.addListener((o, a, b) -> check())));
            }
            check();
        });
    }

    /** Reads the workspace's datasets and columns in the background, then fills the form from {@code start} (or a new experiment). */
    public void load(ExperimentDefinition start) {
        executor.submit(BackgroundTask.of("Reading columns", context -> {
            Map<String, List<ColumnInfo>> found = new LinkedHashMap<>();
            for (DatasetCatalog.DatasetInfo info : new DatasetCatalog(workspace).datasets()) {
                found.put(info.name(), info.columns());
            }
            return found;
        }).withOnSuccess(found -> {
            datasets.putAll(found);
            datasetNames.setAll(found.keySet());
            fill(start);
        }).withSuccessMessage(found -> null));
    }

    private void fill(ExperimentDefinition d) {
        original = d;
        if (d == null) {
            dataset.set(datasetNames.isEmpty() ? "" : datasetNames.get(0));
            name.set("New experiment");
            check();
            return;
        }
        fillExperiment(d);
        if (d.primary() != null) {
            fillPrimary(d.primary());
        }
        guardrails.setAll(d.guardrails().stream().map(GuardrailDraft::of).toList());
        check();
    }

    private void fillExperiment(ExperimentDefinition d) {
        name.set(text(d.name()));
        question.set(text(d.question()));
        dataset.set(text(d.dataset()));
        variantColumn.set(text(d.variantColumn()));
        control.set(text(d.control()));
        treatments.set(String.join(", ", d.treatments()));
        unitColumn.set(text(d.unitColumn()));
        timestampColumn.set(text(d.timestampColumn()));
        alpha.set(String.valueOf(ExperimentBuilder.alpha(d)));
        power.set(d.power() == null ? "0.8" : String.valueOf(d.power()));
        segments.set(String.join(", ", d.segments()));
    }

    private void fillPrimary(MetricDefinition primary) {
        primaryName.set(text(primary.name()));
        primaryColumn.set(text(primary.column()));
        primaryKind.set(primary.kind() == null ? "unit" : primary.kind().key());
        primaryAggregate.set(primary.aggregate() == null ? "" : primary.aggregate().key());
        primaryDirection.set(ExperimentBuilder.direction(primary).key());
        primaryMde.set(primary.mde() == null ? "" : String.valueOf(primary.mde()));
        primaryMdeRelative.set(Boolean.TRUE.equals(primary.mdeRelative()));
    }

    private void showColumns() {
        List<ColumnInfo> found = datasets.getOrDefault(dataset.get(), List.of());
        columns.setAll(found.stream().map(ColumnInfo::name).toList());
        loadArms();
    }

    /** The distinct values of the variant column, so control and treatments are checked against the data. */
    private void loadArms() {
        String table = dataset.get();
        String column = variantColumn.get();
        if (!columns.contains(column) || armValues.containsKey(table + "." + column)) {
            check();
            return;
        }
        executor.submit(BackgroundTask.of("Reading arms", context -> readArms(table, column))
                .withOnSuccess(values -> showArms(table, column, values)).withSuccessMessage(values -> null));
    }

    private List<String> readArms(String table, String column) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = workspace.newConnection();
             PreparedStatement query = connection.prepareStatement("SELECT DISTINCT CAST(" + Sql.identifier(column)
                     + " AS VARCHAR) AS v FROM " + Sql.identifier(table) + " WHERE " + Sql.identifier(column)
                     + " IS NOT NULL ORDER BY v LIMIT 1000");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    /** Keeps the arms read; a new experiment takes the first as control and the others as treatments. */
    private void showArms(String table, String column, List<String> values) {
        armValues.put(table + "." + column, values);
        if (control.get().isBlank() && values.size() >= 2) {
            control.set(values.get(0));
            treatments.set(String.join(", ", values.subList(1, values.size())));
        }
        check();
    }

    /** Builds the definition from the fields and lists every problem; the definition is null while there are any. */
    void check() {
        List<String> found = new ArrayList<>();
        ExperimentDefinition built = null;
        try {
            built = ExperimentFile.parse(JSON.writeValueAsString(json()), "experiment");
        } catch (IOException e) {
            found.add(e.getMessage().replaceFirst("^experiment: ", ""));
        }
        if (built != null) {
            found.addAll(problemsOf(built));
        }
        problems.setAll(found);
        definition.set(found.isEmpty() ? built : null);
    }

    /** The definition's problems alone, then against the dataset's columns and arms when they are known. */
    private List<String> problemsOf(ExperimentDefinition built) {
        List<String> found = new ArrayList<>(DefinitionChecks.ofDefinition(built));
        if (datasets.containsKey(built.dataset())) {
            found.addAll(DefinitionChecks.againstColumns(built, datasets.get(built.dataset())));
            List<String> values = armValues.get(built.dataset() + "." + built.variantColumn());
            if (values != null && found.isEmpty()) {
                found.addAll(DefinitionChecks.againstArms(built, values));
            }
        }
        return found;
    }

    private ObjectNode json() {
        ObjectNode root = JSON.createObjectNode();
        design(root);
        root.set("primary", keepExtras(primary()));
        ArrayNode rails = root.putArray("guardrails");
        guardrails.forEach(g -> rails.add(guardrail(g)));
        keepUnedited(root);
        ArrayNode segmentColumns = root.putArray("segments");
        list(segments.get()).forEach(segmentColumns::add);
        return root;
    }

    /** The experiment's own fields: names, dataset, arms, columns, alpha and power. */
    private void design(ObjectNode root) {
        put(root, "name", name.get());
        put(root, "question", question.get());
        put(root, "dataset", dataset.get());
        put(root, "variantColumn", variantColumn.get());
        put(root, "control", control.get());
        arms(root);
        put(root, "unitColumn", unitColumn.get());
        put(root, "timestampColumn", timestampColumn.get());
        number(root, "alpha", alpha.get());
        number(root, "power", power.get());
        if (original != null && original.sequential() != null) {
            root.set("sequential", JSON.valueToTree(original.sequential()));
        }
    }

    /** {@code treatments}, and the planned {@code split} kept while the arms are the same. */
    private void arms(ObjectNode root) {
        ArrayNode arms = root.putArray("treatments");
        list(treatments.get()).forEach(arms::add);
        List<String> armList = new ArrayList<>(List.of(control.get().trim()));
        armList.addAll(list(treatments.get()));
        if (original != null && original.split() != null && original.split().keySet().equals(new HashSet<>(armList))) {
            root.set("split", JSON.valueToTree(original.split()));
        }
    }

    private ObjectNode primary() {
        ObjectNode primary = JSON.createObjectNode();
        put(primary, "name", primaryName.get());
        put(primary, "column", primaryColumn.get());
        put(primary, "kind", primaryKind.get());
        if (primaryKind.get().equals("unit")) {
            put(primary, "aggregate", primaryAggregate.get());
        }
        put(primary, "direction", primaryDirection.get());
        number(primary, "mde", primaryMde.get());
        if (primaryMdeRelative.get()) {
            primary.put("mdeRelative", true);
        }
        return primary;
    }

    /** What the editor does not show, kept as the original definition had it. */
    private void keepUnedited(ObjectNode root) {
        if (original != null) {
            keepKeys(JSON.valueToTree(original), root, List.of("secondary", "modelColumn", "fallbackColumn", "costMetric",
                    "multipleTesting", "crossSegments", "priceTable", "design", "itemColumn", "replayColumn", "where",
                    "assignments"));
        }
    }

    /** Keeps what the form does not edit (filters, covariates, non-inferiority) from the loaded primary. */
    private ObjectNode keepExtras(ObjectNode primary) {
        if (original != null && original.primary() != null) {
            keepKeys(JSON.valueToTree(original.primary()), primary, List.of("where", "covariate", "nonInferiorityMargin",
                    "nonInferiorityRelative", "alternative", "denominator", "quantile", "unit"));
        }
        return primary;
    }

    /** Copies {@code keys} that {@code loaded} has and the form did not set. */
    private static void keepKeys(ObjectNode loaded, ObjectNode edited, List<String> keys) {
        for (String key : keys) {
            if (loaded.has(key) && !edited.has(key)) {
                edited.set(key, loaded.get(key));
            }
        }
    }

    private static ObjectNode guardrail(GuardrailDraft g) {
        ObjectNode node = JSON.createObjectNode();
        put(node, "name", g.nameProperty().get());
        put(node, "column", g.columnProperty().get());
        put(node, "kind", g.kindProperty().get());
        if (g.kindProperty().get().equals("unit")) {
            put(node, "aggregate", g.aggregateProperty().get());
        }
        if (g.kindProperty().get().equals("quantile")) {
            number(node, "quantile", g.quantileProperty().get());
        }
        put(node, "direction", g.directionProperty().get());
        number(node, g.ruleProperty().get(), g.thresholdProperty().get());
        if (g.loaded() != null) { // a filter, a unit, a covariate, its other stop rules: not in the form, kept
            List<String> kept = new ArrayList<>(List.of("where", "unit", "covariate", "nonInferiorityMargin",
                    "nonInferiorityRelative", "alternative", "denominator"));
            List.of("maxRatio", "minRatio", "maxValue", "minValue").stream().filter(rule -> !rule.equals(g.shownRule()))
                    .forEach(kept::add);
            keepKeys(JSON.valueToTree(g.loaded()), node, kept);
        }
        return node;
    }

    private static void put(ObjectNode node, String key, String value) {
        if (value != null && !value.isBlank()) {
            node.put(key, value.trim());
        }
    }

    /** A number when it reads as one; else the text, so the parser names the key. */
    private static void number(ObjectNode node, String key, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        try {
            node.put(key, Double.parseDouble(value.trim()));
        } catch (NumberFormatException e) {
            node.put(key, value.trim());
        }
    }

    private static List<String> list(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /** Saves the definition into the workspace, in the background; {@code then} runs on success. */
    public void save(Consumer<ExperimentDefinition> then) {
        ExperimentDefinition ready = definition.get();
        if (ready == null) {
            return;
        }
        executor.submit(BackgroundTask.of("Saving " + ready.name(), context -> {
            new ExperimentStore(workspace).save(ready);
            return ready;
        }).withOnSuccess(then).withSuccessMessage(saved -> "Saved experiment " + saved.name()));
    }

    /** Writes the definition as the JSON file {@code arbiter analyze --experiment} reads. */
    public void export(Path file) throws IOException {
        ExperimentDefinition ready = definition.get();
        if (ready != null) {
            ExperimentFile.write(ready, file);
        }
    }

    public void addGuardrail() {
        GuardrailDraft draft = new GuardrailDraft();
        draft.nameProperty().set("guardrail_" + (guardrails.size() + 1));
        guardrails.add(draft);
    }

    public ObservableList<String> datasetNames() {
        return datasetNames;
    }

    public ObservableList<String> columns() {
        return columns;
    }

    public ObservableList<String> problems() {
        return problems;
    }

    public ObservableList<GuardrailDraft> guardrails() {
        return guardrails;
    }

    /** The definition when the fields make a valid one, else null. */
    public ReadOnlyObjectProperty<ExperimentDefinition> definitionProperty() {
        return definition.getReadOnlyProperty();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty questionProperty() {
        return question;
    }

    public StringProperty datasetProperty() {
        return dataset;
    }

    public StringProperty variantColumnProperty() {
        return variantColumn;
    }

    public StringProperty controlProperty() {
        return control;
    }

    public StringProperty treatmentsProperty() {
        return treatments;
    }

    public StringProperty unitColumnProperty() {
        return unitColumn;
    }

    public StringProperty timestampColumnProperty() {
        return timestampColumn;
    }

    public StringProperty alphaProperty() {
        return alpha;
    }

    public StringProperty powerProperty() {
        return power;
    }

    public StringProperty segmentsProperty() {
        return segments;
    }

    public StringProperty primaryNameProperty() {
        return primaryName;
    }

    public StringProperty primaryColumnProperty() {
        return primaryColumn;
    }

    public StringProperty primaryKindProperty() {
        return primaryKind;
    }

    public StringProperty primaryAggregateProperty() {
        return primaryAggregate;
    }

    public StringProperty primaryDirectionProperty() {
        return primaryDirection;
    }

    public StringProperty primaryMdeProperty() {
        return primaryMde;
    }

    public BooleanProperty primaryMdeRelativeProperty() {
        return primaryMdeRelative;
    }
}
