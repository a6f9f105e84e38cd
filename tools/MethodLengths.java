import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Method lengths of the main sources, parsed by javac (not guessed from braces): lines from a
 * method's first line (its annotations included, its Javadoc not) to its closing brace, inclusive; abstract
 * and interface methods without a body are not counted. Prints the count, p50, p90 and max, and
 * the longest methods. Run from the repository root: {@code java tools/MethodLengths.java [TOP]}.
 */
public final class MethodLengths {
    record Length(int lines, String where) {
    }

    public static void main(String[] args) throws IOException {
        int top = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("."))) {
            files = walk.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/java/")
                    && !p.toString().contains("/target/")).sorted().toList();
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<Length> lengths = new ArrayList<>();
        try (StandardJavaFileManager manager = compiler.getStandardFileManager(null, Locale.ROOT, null)) {
            JavacTask task = (JavacTask) compiler.getTask(null, manager, d -> { }, List.of("-proc:none"), null,
                    manager.getJavaFileObjectsFromPaths(files));
            SourcePositions positions = Trees.instance(task).getSourcePositions();
            for (CompilationUnitTree unit : task.parse()) {
                new TreeScanner<Void, Void>() {
                    @Override
                    public Void visitMethod(MethodTree method, Void nothing) {
                        if (method.getBody() != null) {
                            long start = positions.getStartPosition(unit, method);
                            long end = positions.getEndPosition(unit, method);
                            long first = unit.getLineMap().getLineNumber(start);
                            long last = unit.getLineMap().getLineNumber(end);
                            lengths.add(new Length((int) (last - first + 1), unit.getSourceFile().getName()
                                    .replaceFirst("^.*?/src/main/java/", "") + ":" + first + " " + method.getName()));
                        }
                        return super.visitMethod(method, nothing);
                    }
                }.scan(unit, null);
            }
        }
        lengths.sort(Comparator.comparingInt(Length::lines));
        int n = lengths.size();
        System.out.printf(Locale.ROOT, "%d methods: p50 %d, p90 %d, max %d lines; over 15 lines: %d (%.1f%%)%n", n,
                lengths.get(n / 2).lines(), lengths.get((int) (n * 0.9)).lines(), lengths.get(n - 1).lines(),
                lengths.stream().filter(l -> l.lines() > 15).count(),
                100.0 * lengths.stream().filter(l -> l.lines() > 15).count() / n);
        for (int i = n - 1; i >= Math.max(0, n - top); i--) {
            System.out.println("  " + lengths.get(i).lines() + "  " + lengths.get(i).where());
        }
    }
}
