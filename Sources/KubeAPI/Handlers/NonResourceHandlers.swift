import Foundation
import Hummingbird

/// `/version`, discovery, OpenAPI and health: documents generated from the served types.
enum NonResourceHandlers {
    static func serve(_ path: KubePath, plane: HostedControlPlane, accept: String, query: [String: String]) throws -> Response {
        switch path {
        case .version:
            return KubeResponse.json(.ok, Discovery.version(kubernetesVersion: plane.kubernetesVersion))
        case .apiRoot:
            if Discovery.wantsAggregated(accept: accept) {
                return KubeResponse.json(.ok, Discovery.aggregated(legacy: true), contentType: Discovery.aggregatedContentType)
            }
            return KubeResponse.json(.ok, Discovery.apiVersions())
        case .apisRoot:
            if Discovery.wantsAggregated(accept: accept) {
                return KubeResponse.json(.ok, Discovery.aggregated(legacy: false), contentType: Discovery.aggregatedContentType)
            }
            return KubeResponse.json(.ok, Discovery.apiGroupList())
        case .groupVersion(let gv):
            guard let list = Discovery.resourceList(gv) else { throw KubeError.pathNotFound(gv.path) }
            return KubeResponse.json(.ok, list)
        case .openAPIv3Root:
            return KubeResponse.json(.ok, OpenAPIv3.root())
        case .openAPIv3(let documentPath):
            guard let document = OpenAPIv3.document(path: documentPath) else { throw KubeError.pathNotFound("/openapi/v3/\(documentPath)") }
            return KubeResponse.json(.ok, document)
        case .openAPIv2:
            // kubectl asks for v2 only in protobuf; 404 makes it use v3 (see kubectl-wire.md §5).
            throw KubeError.pathNotFound("/openapi/v2")
        case .health:
            return Response(status: .ok, headers: [.contentType: "text/plain"], body: ResponseBody(byteBuffer: .init(string: "ok")))
        case .resource:
            throw KubeError.internalError("resource path routed as non-resource")
        }
    }
}
