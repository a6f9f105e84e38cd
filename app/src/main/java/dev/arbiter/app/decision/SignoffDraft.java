package dev.arbiter.app.decision;

import dev.arbiter.importers.signoff.Signoff;
import java.time.LocalDate;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** A sign-off as the Decision screen edits it. */
public final class SignoffDraft {
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty role = new SimpleStringProperty("");
    private final BooleanProperty approve = new SimpleBooleanProperty(true);
    private final StringProperty date = new SimpleStringProperty(LocalDate.now().toString());
    private final StringProperty comment = new SimpleStringProperty("");

    static SignoffDraft of(Signoff signoff) {
        SignoffDraft draft = new SignoffDraft();
        draft.name.set(text(signoff.name()));
        draft.role.set(text(signoff.role()));
        draft.approve.set(signoff.approve());
        draft.date.set(text(signoff.date()));
        draft.comment.set(text(signoff.comment()));
        return draft;
    }

    Signoff toSignoff() {
        return new Signoff(name.get().trim(), role.get().trim(), approve.get(), date.get().trim(), comment.get().trim());
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty roleProperty() {
        return role;
    }

    public BooleanProperty approveProperty() {
        return approve;
    }

    public StringProperty dateProperty() {
        return date;
    }

    public StringProperty commentProperty() {
        return comment;
    }

    /** Every property, to listen to edits. */
    Observable[] fields() {
        return new Observable[] {name, role, approve, date, comment};
    }
}
