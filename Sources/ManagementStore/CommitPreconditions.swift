import Core

/// The checks every backend makes before applying a `ClusterCommit` (If-Match / If-None-Match).
enum CommitPreconditions {
    static func check(_ commit: ClusterCommit, existing: ManagedClusterRecord?, id: ClusterID) throws {
        if commit.ifNoneMatch, existing != nil {
            throw ServiceError.preconditionFailed(message: "The managed cluster '\(id.name)' already exists (If-None-Match: *).")
        }
        if let ifMatch = commit.ifMatch {
            guard let existing else {
                throw ServiceError.preconditionFailed(message: "The managed cluster '\(id.name)' does not exist (If-Match).")
            }
            if ifMatch != "*", ifMatch != existing.eTag {
                throw ServiceError.preconditionFailed(
                    message: "The eTag '\(ifMatch)' does not match the current eTag '\(existing.eTag)' of '\(id.name)'.")
            }
        }
    }
}
