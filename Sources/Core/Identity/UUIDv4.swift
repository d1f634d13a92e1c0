import Foundation

/// Random identifiers (operation ids, eTags, resource UIDs), lower-case as ARM prints them.
public enum UUIDv4 {
    public static func make() -> String { UUID().uuidString.lowercased() }
}
