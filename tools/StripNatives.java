import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Moves the DuckDB driver's native libraries out of its jar (java tools/StripNatives.java IN OUT KEEP...):
 * the libraries named KEEP (or every one, with KEEP "all") are written beside OUT and the others
 * dropped; OUT is the jar without them (IN itself when OUT is IN). The driver then loads its library
 * from the jar's folder in place instead of unpacking ~70 MB to a temporary file at every start
 * (docs/installer.md, docs/benchmarks.md). A jar without natives (moved already) is left as it is.
 */
public class StripNatives {
    private static final String NATIVE = "libduckdb_java.so_";

    public static void main(String[] args) throws IOException {
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        List<String> keep = List.of(args).subList(2, args.length);
        Path copy = out.resolveSibling(out.getFileName() + ".part");
        List<String> moved = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(in));
             ZipOutputStream jar = new ZipOutputStream(Files.newOutputStream(copy))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName();
                if (!name.startsWith(NATIVE)) {
                    jar.putNextEntry(new ZipEntry(name));
                    zip.transferTo(jar);
                    jar.closeEntry();
                } else if (keep.contains("all") || keep.contains(name)) {
                    writeBeside(zip, out.resolveSibling(name));
                    moved.add(name);
                }
            }
        }
        if (moved.isEmpty() && in.equals(out)) {
            Files.delete(copy); // already moved out by an earlier build
            return;
        }
        Files.move(copy, out, StandardCopyOption.REPLACE_EXISTING);
        System.out.println(moved.isEmpty() ? "DuckDB natives: none inside " + in.getFileName() + " (moved out by an earlier build)"
                : "DuckDB natives beside " + out.getFileName() + ": " + String.join(", ", moved));
    }

    private static void writeBeside(InputStream entry, Path file) throws IOException {
        Path part = file.resolveSibling(file.getFileName() + ".part");
        Files.copy(entry, part, StandardCopyOption.REPLACE_EXISTING);
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
    }
}
