import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Copies a jar without the native libraries of other platforms (java StripNatives.java IN OUT KEEP...):
 * the DuckDB driver carries all four; a Linux package needs only its own (docs/installer.md).
 */
public class StripNatives {
    public static void main(String[] args) throws IOException {
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        List<String> keep = List.of(args).subList(2, args.length);
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(in));
             ZipOutputStream copy = new ZipOutputStream(Files.newOutputStream(out))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName();
                if (name.startsWith("libduckdb_java.so_") && !keep.contains(name)) {
                    continue;
                }
                copy.putNextEntry(new ZipEntry(name));
                zip.transferTo(copy);
                copy.closeEntry();
            }
        }
    }
}
