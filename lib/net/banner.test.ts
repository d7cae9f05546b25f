import { describe, expect, it } from "vitest";
import { bannerHint, classifyBanner } from "./banner";

describe("classifyBanner", () => {
  it.each([
    ["HTTP/1.1 400 Bad Request\r\n", "http"],
    ["<!DOCTYPE html><html>", "http"],
    ["SSH-2.0-OpenSSH_9.6\r\n", "ssh"],
    ["220 mx.example.com ESMTP Postfix\r\n", "smtp"],
    ["220-mail.example.com\r\n", "smtp"],
    ["220 ProFTPD Server (ftp.example.com)\r\n", "ftp"],
    ["* OK [CAPABILITY IMAP4rev1] ready\r\n", "imap"],
    ["+OK POP3 ready\r\n", "pop3"],
    ["\x15\x03\x03\x00\x02\x02\x28", "tls"],
    ["\x00\x01garbage", "unknown"],
    ["", "unknown"],
  ])("%j → %s", (text, kind) => {
    expect(classifyBanner(Buffer.from(text, "latin1"))).toBe(kind);
  });

  it("hints per protocol and port", () => {
    expect(bannerHint("http", 80)).toContain("443");
    expect(bannerHint("http", 8443)).toContain("did you mean 443");
    expect(bannerHint("smtp", 587)).toContain("STARTTLS");
    expect(bannerHint("tls", 443)).toBeNull();
  });
});
