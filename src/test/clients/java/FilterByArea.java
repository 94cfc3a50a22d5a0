// Filters observations by area through the client openapi-generator made from our contract (java, library native:
// java.net.http and Jackson), as a user of the generated client would: the typed request builder, the documented geo
// filter. Compiled and called by GeneratedJavaClientTest; returns geo,time,value lines.
import org.lmo.client.ApiClient;
import org.lmo.client.api.ObservationsApi;
import org.lmo.client.model.ObservationsDocument;
import org.lmo.client.model.ObservationsDocumentObservationsInner;

import java.util.ArrayList;
import java.util.List;

public final class FilterByArea {
    private FilterByArea() {
    }

    public static List<String> rows(String basePath, String datasetId, String geo) throws Exception {
        ApiClient client = new ApiClient();
        client.updateBaseUri(basePath);
        ObservationsApi api = new ObservationsApi(client);
        ObservationsDocument doc = api.getObservations(ObservationsApi.APIGetObservationsRequest.newBuilder()
                .datasetId(datasetId).geo(geo).format("json").labels("code").build());
        List<String> rows = new ArrayList<>();
        for (ObservationsDocumentObservationsInner o : doc.getObservations()) {
            rows.add(o.getAdditionalProperty("geo") + "," + o.getTime() + "," + o.getValue());
        }
        return rows;
    }
}
