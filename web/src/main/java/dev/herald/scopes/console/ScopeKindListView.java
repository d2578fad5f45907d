package dev.herald.scopes.console;

import dev.herald.access.entity.SecurityRoles;
import dev.herald.platform.boundary.ConflictException;
import dev.herald.platform.boundary.NotFoundException;
import dev.herald.platform.boundary.UnavailableException;
import dev.herald.platform.boundary.ValidationException;
import dev.herald.scopes.boundary.ScopeKindInput;
import dev.herald.scopes.boundary.ScopeKindView;
import dev.herald.scopes.boundary.ScopeService;
import dev.herald.scopes.boundary.ScopeValueView;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.primefaces.PrimeFaces;

/**
 * Scope kinds: what accounts can be limited to (a promoter, a company, a tenant), each with how many
 * accounts hold a value of it. Every member of staff reads them; Super Administrators add, change and
 * remove them, since a kind's lookup is SQL over the reporting data (the boundary checks and tries it,
 * and its refusals land on their fields). A kind's first values can be looked at, to see that the
 * lookup answers what was meant.
 */
@Named
@ViewScoped
public class ScopeKindListView implements Serializable {

    private static final String FORM = "kindForm:";
    private static final int SAMPLE = 20;

    @Inject
    ScopeService scopes;

    private List<ScopeKindView> kinds;

    private String editingKey;
    private String kind;
    private String label;
    private String valueType = "NUMBER";
    private String lookupSql;

    private ScopeKindView sampled;
    private String sampleQuery;
    private List<ScopeValueView> sample = List.of();
    private String sampleProblem;

    @PostConstruct
    void init() {
        reload();
    }

    private void reload() {
        kinds = scopes.list();
    }

    public boolean isMayChange() {
        return Faces.isUserInRole(SecurityRoles.SUPER_ADMINISTRATOR);
    }

    public void newKind() {
        editingKey = null;
        kind = null;
        label = null;
        valueType = "NUMBER";
        lookupSql = null;
    }

    public void edit(ScopeKindView view) {
        editingKey = view.kind();
        kind = view.kind();
        label = view.label();
        valueType = view.valueType();
        lookupSql = view.lookupSql();
    }

    public void save() {
        ScopeKindInput input = new ScopeKindInput(editingKey == null ? kind : editingKey, label, valueType, lookupSql);
        try {
            ScopeKindView saved = editingKey == null
                    ? scopes.create(input, Faces.getRemoteAddr())
                    : scopes.update(editingKey, input, Faces.getRemoteAddr());
            Messages.addGlobalInfo("The scope kind {0} is saved.", saved.label());
            reload();
            PrimeFaces.current().executeScript("PF('kindDialog').hide()");
        } catch (ValidationException e) {
            e.errors().forEach(error -> Messages.addError(FORM + fieldOf(error.field()), error.message()));
            Faces.validationFailed();
        } catch (ConflictException | NotFoundException | UnavailableException | EJBAccessException e) {
            Messages.addError(FORM + "problem", refusal(e));
            Faces.validationFailed();
        }
    }

    private static String fieldOf(String field) {
        return switch (field) {
            case "kind", "label", "valueType", "lookupSql" -> field;
            default -> "problem";
        };
    }

    public void delete(ScopeKindView view) {
        try {
            scopes.delete(view.kind(), Faces.getRemoteAddr());
            Messages.addGlobalInfo("The scope kind {0} is removed.", view.label());
        } catch (ConflictException | NotFoundException | EJBAccessException e) {
            Messages.addGlobalError(refusal(e));
        }
        reload();
    }

    /** The first values of a kind (with a search), to see what its lookup answers. */
    public void showValues(ScopeKindView view) {
        sampled = view;
        sampleQuery = null;
        searchValues();
    }

    public void searchValues() {
        try {
            sample = scopes.values(sampled.kind(), sampleQuery, SAMPLE);
            sampleProblem = null;
        } catch (ValidationException e) {
            sample = List.of();
            sampleProblem = e.errors().get(0).message();
        } catch (UnavailableException | NotFoundException e) {
            sample = List.of();
            sampleProblem = e.getMessage();
        }
    }

    private static String refusal(RuntimeException e) {
        return e instanceof EJBAccessException
                ? "Only a Super Administrator may declare, change or remove scope kinds."
                : e.getMessage();
    }

    public String valueTypeLabel(String type) {
        return "NUMBER".equals(type) ? "Whole number" : "Text";
    }

    public List<ScopeKindView> getKinds() {
        return kinds;
    }

    public boolean isEditing() {
        return editingKey != null;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public String getValueType() {
        return valueType;
    }

    public void setValueType(String valueType) {
        this.valueType = valueType;
    }

    public String getLookupSql() {
        return lookupSql;
    }

    public void setLookupSql(String lookupSql) {
        this.lookupSql = lookupSql == null ? null : lookupSql.replace("\r\n", "\n");
    }

    public ScopeKindView getSampled() {
        return sampled;
    }

    public String getSampleQuery() {
        return sampleQuery;
    }

    public void setSampleQuery(String sampleQuery) {
        this.sampleQuery = sampleQuery;
    }

    public List<ScopeValueView> getSample() {
        return sample;
    }

    public String getSampleProblem() {
        return sampleProblem;
    }
}
