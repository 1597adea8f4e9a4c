// Feed GET on a curl easy handle: conditional, compressed, capped, verified, authenticated.
#include "feed/feed_transfer.hpp"

#include "model/ascii_text.hpp"
#include "sys/private_files.hpp"

namespace tsur::net {
namespace {

bool starts_with_nocase(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
        if (lower(s[i]) != lower(prefix[i])) return false;
    }
    return true;
}

}  // namespace

std::string feed_v1_url(std::string_view base, std::string_view region_code) {
    while (!base.empty() && base.back() == '/') base.remove_suffix(1);
    std::string url(base);
    url += "/v1/snapshot?region=";
    url += region_code;
    return url;
}

model::Result<std::unique_ptr<FeedTransfer>> FeedTransfer::create(const FeedClientConfig& config,
                                                                  std::string_view etag,
                                                                  std::string_view token) {
    std::unique_ptr<FeedTransfer> t(new FeedTransfer());
    t->easy_.reset(curl_easy_init());
    if (!t->easy_) return model::Error{"curl_easy_init failed"};
    t->max_body_ = config.max_body_bytes;
    CURL* h = t->easy_.get();
    const std::string user_agent = "tsur-wall/" + config.version;
    const bool https = config.url.starts_with("https://");

    curl_easy_setopt(h, CURLOPT_URL, config.url.c_str());
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https,file");
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(h, CURLOPT_MAXREDIRS, 3L);
    // An https feed must not be redirected to plain http (the token would travel in clear).
    curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, https ? "https" : "http,https");
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS,
                     static_cast<long>(config.connect_timeout.count()));
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(config.total_timeout.count()));
    curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(h, CURLOPT_USERAGENT, user_agent.c_str());
    // Stops early when Content-Length already announces too much; on_body catches the rest
    // (chunked or compressed bodies, where only the decoded size tells).
    curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(config.max_body_bytes));
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &FeedTransfer::on_body);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, t.get());
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, &FeedTransfer::on_header);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, t.get());
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, t->error_buffer_);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, config.insecure ? 0L : 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, config.insecure ? 0L : 2L);
    if (!config.ca_file.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, config.ca_file.c_str());
    if (!token.empty()) {
        const std::string bearer(token);
        curl_easy_setopt(h, CURLOPT_HTTPAUTH, static_cast<long>(CURLAUTH_BEARER));
        curl_easy_setopt(h, CURLOPT_XOAUTH2_BEARER, bearer.c_str());
    }

    curl_slist* list = curl_slist_append(nullptr, "Accept: application/json");
    if (list && !etag.empty()) {
        curl_slist* more = curl_slist_append(list, ("If-None-Match: " + std::string(etag)).c_str());
        if (!more) curl_slist_free_all(list);
        list = more;
    }
    if (!list) return model::Error{"curl_slist_append failed"};
    t->headers_.reset(list);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, t->headers_.get());
    t->started_ = std::chrono::steady_clock::now();
    return t;
}

std::size_t FeedTransfer::on_body(char* data, std::size_t size, std::size_t n, void* self_ptr) {
    auto& self = *static_cast<FeedTransfer*>(self_ptr);
    const std::size_t bytes = size * n;
    if (self.response_.body.size() + bytes > self.max_body_) {
        self.response_.too_large = true;
        return 0;  // anything but `bytes` makes curl abort with CURLE_WRITE_ERROR
    }
    if (self.response_.body.empty()) {
        // Growing a 10 MB body by doubling copies it twice over into freshly faulted pages; the
        // announced length (compressed, when it is) is the least it will need.
        curl_off_t announced = -1;
        curl_easy_getinfo(self.easy_.get(), CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &announced);
        if (announced > 0 && static_cast<std::uint64_t>(announced) <= self.max_body_) {
            self.response_.body.reserve(static_cast<std::size_t>(announced));
        }
    }
    self.response_.body.append(data, bytes);
    return bytes;
}

std::size_t FeedTransfer::on_header(char* data, std::size_t size, std::size_t n, void* self_ptr) {
    auto& self = *static_cast<FeedTransfer*>(self_ptr);
    const std::size_t bytes = size * n;
    const std::string_view line(data, bytes);
    auto& r = self.response_;
    if (line.starts_with("HTTP/")) {
        // A new response in a redirect chain: only the final one's headers count.
        r.etag.clear();
        r.date.reset();
    } else if (starts_with_nocase(line, "etag:")) {
        r.etag = model::trim_ascii(line.substr(5));
    } else if (starts_with_nocase(line, "date:")) {
        const std::string value(model::trim_ascii(line.substr(5)));
        const time_t t = curl_getdate(value.c_str(), nullptr);
        if (t > 0) {
            r.date = model::TimePoint{std::chrono::seconds{t}};
            r.date_received = std::chrono::system_clock::now();
        }
    }
    return bytes;
}

FeedResponse& FeedTransfer::finish(CURLcode code) {
    auto& r = response_;
    CURL* h = easy_.get();
    r.code = code;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &r.status);
    curl_off_t body_bytes = 0;
    long header_bytes = 0;
    curl_easy_getinfo(h, CURLINFO_SIZE_DOWNLOAD_T, &body_bytes);
    curl_easy_getinfo(h, CURLINFO_HEADER_SIZE, &header_bytes);
    r.wire_bytes =
        static_cast<std::uint64_t>(body_bytes) + static_cast<std::uint64_t>(header_bytes);
    curl_off_t retry_after = 0;
    if (curl_easy_getinfo(h, CURLINFO_RETRY_AFTER, &retry_after) == CURLE_OK && retry_after > 0) {
        r.retry_after = std::chrono::seconds{retry_after};
    }
    if (code != CURLE_OK) {
        r.error = error_buffer_[0] != '\0' ? std::string(error_buffer_) : curl_easy_strerror(code);
    }
    return r;
}

PollResult classify(const FeedResponse& r, bool is_file) {
    if (r.too_large || r.code == CURLE_FILESIZE_EXCEEDED) return PollResult::too_large;
    switch (r.code) {
        case CURLE_OK:
            break;
        case CURLE_OPERATION_TIMEDOUT:
            return PollResult::timeout;
        case CURLE_COULDNT_CONNECT:
            return PollResult::connect_failed;
        case CURLE_COULDNT_RESOLVE_HOST:
        case CURLE_COULDNT_RESOLVE_PROXY:
            return PollResult::dns_failed;
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CONNECT_ERROR:
        case CURLE_SSL_CACERT_BADFILE:
        case CURLE_SSL_CERTPROBLEM:
            return PollResult::tls_failed;
        case CURLE_FILE_COULDNT_READ_FILE:
        case CURLE_READ_ERROR:
            return PollResult::file_unreadable;
        case CURLE_BAD_CONTENT_ENCODING:
            return PollResult::bad_encoding;
        default:
            return PollResult::transfer_failed;
    }
    if (is_file) return PollResult::ok;
    if (r.status == 200) return PollResult::ok;
    if (r.status == 304) return PollResult::not_modified;
    if (r.status >= 500 && r.status <= 599) return PollResult::http_5xx;
    if (r.status >= 400 && r.status <= 499) return PollResult::http_4xx;
    return PollResult::http_other;
}

}  // namespace tsur::net
