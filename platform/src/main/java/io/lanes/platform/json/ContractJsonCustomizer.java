package io.lanes.platform.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lanes.contracts.EventJson;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * REST bodies follow the JSON conventions of the event contract (ISO dates and instants, money as
 * exact decimals, unknown fields ignored, absent optionals omitted), so what a client sends and
 * what the events carry read alike.
 */
@Singleton
public class ContractJsonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        EventJson.configure(mapper);
    }
}
