import Wire

extension ManagementClient {
    /// Every element of an ARM list, following `nextLink` page by page.
    func list<Element: Codable & Sendable & Equatable>(_ type: Element.Type, _ path: String) async throws -> [Element] {
        var page = try await fetch(ListResultWire<Element>.self, .GET, path)
        var elements = page.value
        var seen: Set<String> = []
        while let next = page.nextLink, !next.isEmpty {
            // A server that repeats a link would otherwise keep the client paging forever.
            guard seen.insert(next).inserted else {
                throw CLIError.invalidResponse("nextLink \(next) repeats")
            }
            page = try await fetch(ListResultWire<Element>.self, .GET, next)
            elements += page.value
        }
        return elements
    }
}
