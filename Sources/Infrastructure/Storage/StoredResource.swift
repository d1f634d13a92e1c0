import Core
import Foundation
import ManagementStore

/// A domain resource the IaaS keeps as one `IaaSResourceRecord`.
protocol StoredResource: Codable, Sendable {
    static var armType: String { get }
    var id: String { get }
    var subscription: String { get }
    var resourceGroup: String { get }
    var eTag: String { get set }
}

extension ScaleSet: StoredResource { static var armType: String { ARMResource.scaleSets } }
extension VirtualNetwork: StoredResource { static var armType: String { ARMResource.virtualNetworks } }
extension NetworkSecurityGroup: StoredResource { static var armType: String { ARMResource.securityGroups } }

/// The node resource group's own record: which cluster it belongs to.
struct ResourceGroupRecord: StoredResource {
    static var armType: String { ARMResource.resourceGroups }
    var group: NodeResourceGroup
    var eTag: String
    var id: String { group.id }
    var subscription: String { group.subscription }
    var resourceGroup: String { group.name }
}

/// One pending change of a commit.
enum ResourceChange: Sendable {
    /// Writes `resource` with a fresh eTag; `expected` is what must be stored now.
    case put(any StoredResource, expected: IaaSPrecondition)
    case delete(id: String, expected: IaaSPrecondition)

    /// The precondition for replacing what was read (`nil`: it did not exist).
    static func expecting(_ current: (some StoredResource)?) -> IaaSPrecondition {
        current.map { .eTag($0.eTag) } ?? .absent
    }
}

enum ResourceCoding {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    static func decode<R: StoredResource>(_ type: R.Type, _ record: IaaSResourceRecord) throws -> R {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        var resource = try decoder.decode(type, from: Data(record.body.utf8))
        resource.eTag = record.eTag
        return resource
    }

    static func record(_ resource: any StoredResource, eTag: String) throws -> IaaSResourceRecord {
        var stamped = resource
        stamped.eTag = eTag
        return IaaSResourceRecord(
            id: resource.id, subscription: resource.subscription, resourceGroup: resource.resourceGroup,
            type: type(of: resource).armType, eTag: eTag, body: String(decoding: try encoder.encode(stamped), as: UTF8.self))
    }
}
