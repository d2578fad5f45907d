package dev.herald.usage.console;

import dev.herald.platform.boundary.ExpectedVersion;
import dev.herald.platform.boundary.NotFoundException;
import dev.herald.platform.boundary.StaleVersionException;
import dev.herald.platform.boundary.ValidationException;
import dev.herald.platform.console.PagedModel;
import dev.herald.usage.boundary.ScheduledTaskInput;
import dev.herald.usage.boundary.ScheduledTaskService;
import dev.herald.usage.boundary.ScheduledTaskView;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.function.Supplier;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.primefaces.PrimeFaces;

/** The scheduled tasks (Scheduled Task Management): create and edit in a dialog; enable, disable, delete. */
@Named
@ViewScoped
public class ScheduledTaskListView implements Serializable {

    private static final String DIALOG = "taskForm:";

    @Inject
    ScheduledTaskService tasks;

    private PagedModel<ScheduledTaskView> model;
    private Long editing;

    /** The version of the task as the dialog was opened: a save over someone else's change is refused. */
    private long editingVersion;

    private String name;
    private String description;
    private String email;
    private String recurrence = "WEEKLY";
    private String dayOfWeek = "MONDAY";
    private String delimiter = "COMMA";
    private boolean enabled = true;

    @PostConstruct
    void init() {
        model = new PagedModel<>((page, size) -> tasks.list(page, size), ScheduledTaskView::id);
    }

    public void create() {
        editing = null;
        name = null;
        description = null;
        email = null;
        recurrence = "WEEKLY";
        dayOfWeek = "MONDAY";
        delimiter = "COMMA";
        enabled = true;
    }

    public void edit(ScheduledTaskView task) {
        editing = task.id();
        editingVersion = task.version();
        name = task.name();
        description = task.description();
        email = task.email();
        recurrence = task.recurrence();
        dayOfWeek = task.dayOfWeek() == null ? "MONDAY" : task.dayOfWeek();
        delimiter = task.delimiter();
        enabled = task.enabled();
    }

    public void save() {
        ScheduledTaskInput input = new ScheduledTaskInput(
                name, description, email, "USAGE_REPORT", recurrence, dayOfWeek, delimiter, enabled);
        try {
            ScheduledTaskView saved = editing == null
                    ? tasks.create(input, Faces.getRemoteAddr())
                    : tasks.update(editing, input, ExpectedVersion.of(editingVersion), Faces.getRemoteAddr());
            Messages.addGlobalInfo("The scheduled task “" + saved.name() + "” is saved.");
            PrimeFaces.current().executeScript("PF('taskDialog').hide()");
        } catch (ValidationException e) {
            e.errors().forEach(error -> Messages.addError(DIALOG + error.field(), error.message()));
            Faces.validationFailed();
        } catch (StaleVersionException e) {
            // What was typed stays in the dialog; the next Confirm is made against their version, knowingly.
            editingVersion = e.currentVersion();
            Messages.addError(
                    DIALOG + "problem",
                    "This scheduled task was changed by someone else since you opened it (or it ran); nothing was"
                            + " saved, and your changes are still here. Press Confirm again to replace their change"
                            + " with yours, or close the dialog and open the task again to see theirs.");
            Faces.validationFailed();
        } catch (NotFoundException e) {
            Messages.addGlobalError("That task no longer exists.");
        }
    }

    public void enable(ScheduledTaskView task) {
        act(() -> tasks.enable(task.id(), Faces.getRemoteAddr()), "“" + task.name() + "” is enabled.");
    }

    public void disable(ScheduledTaskView task) {
        act(() -> tasks.disable(task.id(), Faces.getRemoteAddr()), "“" + task.name() + "” is disabled.");
    }

    public void delete(ScheduledTaskView task) {
        act(
                () -> {
                    tasks.delete(task.id(), ExpectedVersion.of(task.version()), Faces.getRemoteAddr());
                    return null;
                },
                "“" + task.name() + "” is deleted.");
    }

    private void act(Supplier<ScheduledTaskView> action, String done) {
        try {
            action.get();
            Messages.addGlobalInfo(done);
        } catch (StaleVersionException e) {
            Messages.addGlobalError("That task was changed by someone else since this list was shown, so nothing"
                    + " was done. Look at it again and repeat if it should still be done.");
        } catch (NotFoundException e) {
            Messages.addGlobalError("That task no longer exists.");
        }
    }

    public PagedModel<ScheduledTaskView> getModel() {
        return model;
    }

    public boolean isEditing() {
        return editing != null;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getRecurrence() {
        return recurrence;
    }

    public void setRecurrence(String recurrence) {
        this.recurrence = recurrence;
    }

    public String getDayOfWeek() {
        return dayOfWeek;
    }

    public void setDayOfWeek(String dayOfWeek) {
        this.dayOfWeek = dayOfWeek;
    }

    public String getDelimiter() {
        return delimiter;
    }

    public void setDelimiter(String delimiter) {
        this.delimiter = delimiter;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
