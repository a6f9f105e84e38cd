import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * Draws Arbiter's icon: a rounded blue tile with two confidence intervals — control and treatment —
 * that do not overlap, under a decision tick. {@code java DrawIcon.java OUT.png SIZE}; an OUT ending in
 * .ico or .icns wraps the PNG in that format (both may hold PNG data) for the Windows and macOS packages.
 */
public class DrawIcon {
    public static void main(String[] args) throws Exception {
        int size = Integer.parseInt(args[1]);
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        double s = size / 256.0;
        g.setPaint(new GradientPaint(0, 0, new Color(9, 105, 218), 0, size, new Color(4, 66, 140)));
        g.fill(new RoundRectangle2D.Double(8 * s, 8 * s, 240 * s, 240 * s, 56 * s, 56 * s));
        g.setColor(new Color(255, 255, 255, 60));
        g.setStroke(new BasicStroke((float) (3 * s)));
        g.draw(new Line2D.Double(40 * s, 196 * s, 216 * s, 196 * s));
        interval(g, s, 84, 70, 160, 118, new Color(230, 237, 243));
        interval(g, s, 172, 112, 184, 150, new Color(255, 176, 59));
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke((float) (14 * s), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(150 * s, 62 * s, 170 * s, 82 * s));
        g.draw(new Line2D.Double(170 * s, 82 * s, 208 * s, 40 * s));
        g.dispose();
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        byte[] bytes = png.toByteArray();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream data = new java.io.DataOutputStream(out);
        if (args[0].endsWith(".ico")) {
            data.write(new byte[] {0, 0, 1, 0, 1, 0});           // reserved, type icon, one image
            data.write(new byte[] {0, 0, 0, 0, 1, 0, 32, 0});    // 256x256 (0), no palette, 1 plane, 32 bpp
            data.writeInt(Integer.reverseBytes(bytes.length));
            data.writeInt(Integer.reverseBytes(22));             // the PNG follows the 22-byte header
            data.write(bytes);
        } else if (args[0].endsWith(".icns")) {
            data.writeBytes("icns");
            data.writeInt(8 + 8 + bytes.length);
            data.writeBytes(size >= 1024 ? "ic10" : "ic09");     // 512x512 (or 1024) PNG
            data.writeInt(8 + bytes.length);
            data.write(bytes);
        } else {
            data.write(bytes);
        }
        java.nio.file.Files.write(new File(args[0]).toPath(), out.toByteArray());
    }

    /** A vertical interval at x from top to bottom (whiskers) with its estimate as a dot. */
    private static void interval(Graphics2D g, double s, double x, double top, double bottom, double estimate, Color colour) {
        g.setColor(colour);
        g.setStroke(new BasicStroke((float) (10 * s), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(x * s, top * s, x * s, bottom * s));
        g.draw(new Line2D.Double((x - 18) * s, top * s, (x + 18) * s, top * s));
        g.draw(new Line2D.Double((x - 18) * s, bottom * s, (x + 18) * s, bottom * s));
        double r = 17;
        g.fill(new Ellipse2D.Double((x - r) * s, (estimate - r) * s, 2 * r * s, 2 * r * s));
    }
}
