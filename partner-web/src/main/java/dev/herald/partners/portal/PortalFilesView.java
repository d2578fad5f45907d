package dev.herald.partners.portal;

import dev.herald.ondemand.boundary.MyFileView;
import dev.herald.ondemand.boundary.OnDemandService;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The Files tab: what was sent to the partner by link and can still be fetched. */
@Named
@ViewScoped
public class PortalFilesView implements Serializable {

    @Inject
    OnDemandService onDemand;

    private List<MyFileView> files;

    @PostConstruct
    void init() {
        files = onDemand.myFiles();
    }

    public List<MyFileView> getFiles() {
        return files;
    }
}
