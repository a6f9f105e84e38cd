package dev.arbiter.app.help;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * A Markdown page as JavaFX nodes (CommonMark with GitHub tables): headings, paragraphs, lists,
 * code, quotes, tables, pictures and links. Styled by the theme through the {@code md-*} classes.
 */
final class MarkdownView extends VBox {
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private static final double MAX_PICTURE_WIDTH = 820;

    private final Function<String, Optional<byte[]>> files;
    private final Consumer<String> onLink;

    /**
     * @param files  the bytes of a picture by its path relative to the page
     * @param onLink called with a link's destination when it is clicked
     */
    MarkdownView(String markdown, Function<String, Optional<byte[]>> files, Consumer<String> onLink) {
        super(10);
        this.files = files;
        this.onLink = onLink;
        getStyleClass().add("md-page");
        setPadding(new Insets(16, 24, 24, 24));
        for (org.commonmark.node.Node block = PARSER.parse(markdown).getFirstChild(); block != null; block = block.getNext()) {
            getChildren().add(block(block));
        }
    }

    private Node block(org.commonmark.node.Node block) {
        if (block instanceof Heading heading) {
            TextFlow flow = flow(heading);
            flow.getStyleClass().addAll("md-heading", "md-h" + heading.getLevel());
            return flow;
        }
        if (block instanceof Paragraph paragraph) {
            return paragraph(paragraph);
        }
        if (block instanceof BulletList || block instanceof OrderedList) {
            return list(block);
        }
        if (block instanceof FencedCodeBlock code) {
            return code(code.getLiteral());
        }
        if (block instanceof IndentedCodeBlock code) {
            return code(code.getLiteral());
        }
        if (block instanceof BlockQuote quote) {
            VBox box = blocks(quote);
            box.getStyleClass().add("md-quote");
            return box;
        }
        if (block instanceof TableBlock table) {
            return table(table);
        }
        if (block instanceof ThematicBreak) {
            return new Separator();
        }
        return new VBox(); // raw HTML and the like: not shown
    }

    private VBox blocks(org.commonmark.node.Node parent) {
        VBox box = new VBox(6);
        for (org.commonmark.node.Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            box.getChildren().add(block(child));
        }
        return box;
    }

    /** A paragraph; one that is only a picture shows the picture. */
    private Node paragraph(Paragraph paragraph) {
        if (paragraph.getFirstChild() instanceof org.commonmark.node.Image image && image.getNext() == null) {
            return picture(image);
        }
        return flow(paragraph);
    }

    private Node picture(org.commonmark.node.Image image) {
        return files.apply(image.getDestination())
                .<Node>map(bytes -> {
                    ImageView view = new ImageView(new Image(new ByteArrayInputStream(bytes)));
                    view.setPreserveRatio(true);
                    view.setFitWidth(Math.min(MAX_PICTURE_WIDTH, view.getImage().getWidth()));
                    view.getStyleClass().add("md-picture");
                    Tooltip.install(view, new Tooltip(plainText(image)));
                    return view;
                })
                .orElseGet(() -> new Label("[picture: " + plainText(image) + "]"));
    }

    private Node list(org.commonmark.node.Node list) {
        VBox items = new VBox(4);
        int number = list instanceof OrderedList ordered ? ordered.getMarkerStartNumber() : 0;
        for (org.commonmark.node.Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (item instanceof ListItem) {
                Label marker = new Label(list instanceof OrderedList ? (number++) + "." : "•");
                marker.setMinWidth(22);
                VBox content = blocks(item);
                HBox.setHgrow(content, Priority.ALWAYS);
                items.getChildren().add(new HBox(4, marker, content));
            }
        }
        return items;
    }

    private static Node code(String literal) {
        Label code = new Label(literal.stripTrailing());
        code.getStyleClass().add("md-code-block");
        code.setMaxWidth(Double.MAX_VALUE);
        code.setWrapText(true);
        return code;
    }

    private Node table(TableBlock table) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("md-table");
        grid.setMaxWidth(Region.USE_PREF_SIZE);
        int row = 0;
        for (org.commonmark.node.Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            for (org.commonmark.node.Node line = section.getFirstChild(); line != null; line = line.getNext(), row++) {
                int column = 0;
                for (org.commonmark.node.Node cell = line.getFirstChild(); cell != null; cell = cell.getNext(), column++) {
                    TextFlow flow = flow(cell);
                    flow.getStyleClass().add(section instanceof TableHead ? "md-table-head" : "md-table-cell");
                    flow.setMaxWidth(cell instanceof TableCell && column == 0 ? 260 : 520);
                    grid.add(flow, column, row);
                }
            }
        }
        return grid;
    }

    /** The inline content of {@code parent} as one flow of text. */
    private TextFlow flow(org.commonmark.node.Node parent) {
        TextFlow flow = new TextFlow();
        flow.getChildren().addAll(inline(parent, List.of()));
        return flow;
    }

    private List<Node> inline(org.commonmark.node.Node parent, List<String> styles) {
        List<Node> nodes = new ArrayList<>();
        for (org.commonmark.node.Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof org.commonmark.node.Text text) {
                nodes.add(text(text.getLiteral(), styles));
            } else if (child instanceof Code code) {
                nodes.add(text(code.getLiteral(), with(styles, "md-code")));
            } else if (child instanceof Emphasis) {
                nodes.addAll(inline(child, with(styles, "md-em")));
            } else if (child instanceof StrongEmphasis) {
                nodes.addAll(inline(child, with(styles, "md-strong")));
            } else if (child instanceof SoftLineBreak) {
                nodes.add(text(" ", styles));
            } else if (child instanceof HardLineBreak) {
                nodes.add(text("\n", styles));
            } else if (child instanceof Link link) {
                nodes.add(link(link));
            } else if (child instanceof org.commonmark.node.Image image) {
                nodes.add(picture(image));
            } else {
                nodes.addAll(inline(child, styles));
            }
        }
        return nodes;
    }

    private Node link(Link link) {
        Hyperlink hyperlink = new Hyperlink(plainText(link));
        hyperlink.getStyleClass().add("md-link");
        hyperlink.setTooltip(new Tooltip(link.getDestination()));
        hyperlink.setOnAction(event -> onLink.accept(link.getDestination()));
        return hyperlink;
    }

    private static Text text(String literal, List<String> styles) {
        Text text = new Text(literal);
        text.getStyleClass().add("md-text");
        text.getStyleClass().addAll(styles);
        return text;
    }

    private static List<String> with(List<String> styles, String style) {
        List<String> all = new ArrayList<>(styles);
        all.add(style);
        return all;
    }

    /** The text inside a node, without formatting. */
    static String plainText(org.commonmark.node.Node node) {
        StringBuilder out = new StringBuilder();
        for (org.commonmark.node.Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof org.commonmark.node.Text text) {
                out.append(text.getLiteral());
            } else if (child instanceof Code code) {
                out.append(code.getLiteral());
            } else if (child instanceof SoftLineBreak || child instanceof HardLineBreak) {
                out.append(' ');
            } else {
                out.append(plainText(child));
            }
        }
        return out.toString();
    }
}
