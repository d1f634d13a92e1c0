/// The HTTP methods the management API uses.
enum HTTPVerb: String, Sendable {
    case GET, PUT, PATCH, POST, DELETE
}
