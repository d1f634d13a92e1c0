import Foundation

extension TableCells {
    // MARK: Services

    /// kubectl's EXTERNAL-IP: external IPs for ClusterIP/NodePort, load-balancer ingress (or
    /// `<pending>`) for LoadBalancer, the external name for ExternalName.
    static func serviceExternalIP(_ service: JSON) -> String {
        let externalIPs = TableRenderer.strings(service[path: ["spec", "externalIPs"]])
        switch service[path: ["spec", "type"]]?.stringValue ?? "ClusterIP" {
        case "ClusterIP", "NodePort":
            return externalIPs.isEmpty ? "<none>" : externalIPs.joined(separator: ",")
        case "LoadBalancer":
            let ingress = items(service[path: ["status", "loadBalancer", "ingress"]]).compactMap { entry -> String? in
                if let ip = entry["ip"]?.stringValue, !ip.isEmpty { return ip }
                if let hostname = entry["hostname"]?.stringValue, !hostname.isEmpty { return hostname }
                return nil
            }
            let all = ingress + externalIPs
            return all.isEmpty ? "<pending>" : all.joined(separator: ",")
        case "ExternalName":
            return service[path: ["spec", "externalName"]]?.stringValue ?? ""
        default:
            return "<unknown>"
        }
    }

    /// `80/TCP,443:30443/TCP`: port, node port when set, protocol (TCP by default).
    static func servicePorts(_ service: JSON) -> String {
        items(service[path: ["spec", "ports"]]).map { port in
            let number = port["port"]?.intValue ?? 0
            let proto = port["protocol"]?.stringValue ?? "TCP"
            if let nodePort = port["nodePort"]?.intValue, nodePort > 0 { return "\(number):\(nodePort)/\(proto)" }
            return "\(number)/\(proto)"
        }.joined(separator: ",")
    }

    // MARK: Events

    /// Age of the last occurrence: lastTimestamp, else the series' last observation, else
    /// eventTime, else firstTimestamp.
    static func eventLastSeen(_ event: JSON, now: Date) -> String {
        let candidates = [event["lastTimestamp"], event[path: ["series", "lastObservedTime"]], event["eventTime"], event["firstTimestamp"]]
        let timestamp = candidates.first { $0?.stringValue.map { !$0.isEmpty } ?? false } ?? nil
        return TableRenderer.age(of: timestamp, now: now)
    }

    /// `pod/web-1`: the involved object's kind in lower case and its name.
    static func eventObject(_ event: JSON) -> String {
        let kind = event[path: ["involvedObject", "kind"]]?.stringValue ?? ""
        let name = event[path: ["involvedObject", "name"]]?.stringValue ?? ""
        return "\(kind.lowercased())/\(name)"
    }

    // MARK: Workloads

    /// The containers of a pod template (`spec.template.spec.containers`) or of a pod (`spec.containers`).
    static func containers(_ object: JSON) -> [JSON] {
        if let template = object[path: ["spec", "template", "spec", "containers"]]?.arrayValue { return template }
        return items(object[path: ["spec", "containers"]])
    }

    /// `a=b,c=d` sorted by key (apimachinery `labels.FormatLabels`); empty for no labels.
    static func formatLabels(_ labels: JSON?) -> String {
        (labels?.objectValue ?? [:]).sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value.stringValue ?? "")" }.joined(separator: ",")
    }

    /// A LabelSelector in selector syntax (`app=web,tier in (a,b),!legacy`), requirements sorted by key.
    static func formatLabelSelector(_ selector: JSON?) -> String {
        var requirements: [(key: String, text: String)] = []
        for (key, value) in selector?["matchLabels"]?.objectValue ?? [:] {
            requirements.append((key, "\(key)=\(value.stringValue ?? "")"))
        }
        for expression in items(selector?["matchExpressions"]) {
            guard let key = expression["key"]?.stringValue else { continue }
            let values = TableRenderer.strings(expression["values"]).sorted().joined(separator: ",")
            switch expression["operator"]?.stringValue {
            case "In": requirements.append((key, "\(key) in (\(values))"))
            case "NotIn": requirements.append((key, "\(key) notin (\(values))"))
            case "Exists": requirements.append((key, key))
            case "DoesNotExist": requirements.append((key, "!\(key)"))
            default: continue
            }
        }
        return requirements.sorted { $0.key < $1.key }.map(\.text).joined(separator: ",")
    }

    // MARK: RBAC

    /// `ClusterRole/view`.
    static func bindingRole(_ binding: JSON) -> String {
        let kind = binding[path: ["roleRef", "kind"]]?.stringValue ?? ""
        let name = binding[path: ["roleRef", "name"]]?.stringValue ?? ""
        return "\(kind)/\(name)"
    }

    /// Subject names of one kind; service accounts as `namespace/name`.
    static func subjects(_ binding: JSON, kind: String) -> [String] {
        items(binding["subjects"]).filter { $0["kind"]?.stringValue == kind }.map { subject in
            let name = subject["name"]?.stringValue ?? ""
            guard kind == "ServiceAccount" else { return name }
            return "\(subject["namespace"]?.stringValue ?? "")/\(name)"
        }
    }
}
