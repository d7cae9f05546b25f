/* LD_PRELOAD shim for test servers that have no bind-address option (gnutls-serv): every bind() to a
 * wildcard address is rewritten to loopback, so the server is never reachable from the network. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>

typedef int (*bind_fn)(int, const struct sockaddr *, socklen_t);

int bind(int fd, const struct sockaddr *addr, socklen_t len) {
  static bind_fn real_bind;
  if (!real_bind) real_bind = (bind_fn)dlsym(RTLD_NEXT, "bind");
  if (addr && addr->sa_family == AF_INET && len >= (socklen_t)sizeof(struct sockaddr_in)) {
    struct sockaddr_in copy;
    memcpy(&copy, addr, sizeof copy);
    if (copy.sin_addr.s_addr == htonl(INADDR_ANY)) copy.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return real_bind(fd, (const struct sockaddr *)&copy, sizeof copy);
  }
  if (addr && addr->sa_family == AF_INET6 && len >= (socklen_t)sizeof(struct sockaddr_in6)) {
    struct sockaddr_in6 copy;
    memcpy(&copy, addr, sizeof copy);
    if (memcmp(&copy.sin6_addr, &in6addr_any, sizeof in6addr_any) == 0) copy.sin6_addr = in6addr_loopback;
    return real_bind(fd, (const struct sockaddr *)&copy, sizeof copy);
  }
  return real_bind(fd, addr, len);
}
