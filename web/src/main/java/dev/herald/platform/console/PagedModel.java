package dev.herald.platform.console;

import dev.herald.platform.boundary.Page;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * A lazy table model over a boundary's paged list: PrimeFaces asks for rows first..first+size, the
 * boundary answers page first/size, and the total it reports becomes the row count.
 */
public class PagedModel<T> extends LazyDataModel<T> {

    /** Reads one page (numbered from 0) of the given size. */
    @FunctionalInterface
    public interface Pages<T> extends Serializable {
        Page<T> read(int page, int size);
    }

    /** The key PrimeFaces keeps for a row. */
    @FunctionalInterface
    public interface Keys<T> extends Serializable {
        Object of(T row);
    }

    private final Pages<T> pages;
    private final Keys<T> keys;
    private transient List<T> loaded = List.of();

    public PagedModel(Pages<T> pages, Keys<T> keys) {
        this.pages = pages;
        this.keys = keys;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) pages.read(0, 1).total();
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        Page<T> page = pages.read(first / pageSize, pageSize);
        setRowCount((int) page.total());
        loaded = page.items();
        return loaded;
    }

    @Override
    public String getRowKey(T row) {
        return String.valueOf(keys.of(row));
    }

    /** The rows of the page last loaded. */
    public List<T> loaded() {
        return loaded == null ? List.of() : loaded;
    }
}
