/*
 * Seeds an RGW bucket's index (and, with heads=1, its head objects) directly through librados:
 * a zero-byte PutObject costs ~8 ms of CPU across client, radosgw and OSD on this machine, so a
 * million of them take over an hour; this writes the same records in a few minutes.
 *
 * Every index entry is a byte copy of one radosgw wrote for a zero-byte PutObject (the template),
 * with the object's name in place of the template's; the head object gets the template head's
 * xattrs but its manifest (RGW reads a head without a manifest as the whole object: 0 bytes).
 *
 * usage: rados-seed CONF INDEX_POOL DATA_POOL BUCKET_MARKER TEMPLATE_ENTRY XATTR_DIR HEADS < lines
 *   lines: "<shard>\t<key>\n", the shard as RGW computes it (rgw_bucket_shard_index).
 * librados's C API, declared here: Debian ships librados.so.2 without its headers.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef void *rados_t;
typedef void *rados_ioctx_t;
typedef void *rados_write_op_t;
typedef void *rados_completion_t;
typedef void (*rados_callback_t)(rados_completion_t cb, void *arg);
int rados_create(rados_t *cluster, const char *const id);
int rados_conf_read_file(rados_t cluster, const char *path);
int rados_connect(rados_t cluster);
int rados_ioctx_create(rados_t cluster, const char *pool_name, rados_ioctx_t *ioctx);
rados_write_op_t rados_create_write_op(void);
void rados_release_write_op(rados_write_op_t op);
void rados_write_op_omap_set(rados_write_op_t op, char const *const *keys, char const *const *vals,
                             const size_t *lens, size_t num);
void rados_write_op_create(rados_write_op_t op, int exclusive, const char *category);
void rados_write_op_setxattr(rados_write_op_t op, const char *name, const char *value, size_t len);
int rados_aio_create_completion2(void *cb_arg, rados_callback_t cb_complete, rados_completion_t *pc);
int rados_aio_write_op_operate(rados_write_op_t op, rados_ioctx_t io, rados_completion_t completion,
                               const char *oid, time_t *mtime, int flags);
int rados_aio_wait_for_complete(rados_completion_t c);
int rados_aio_get_return_value(rados_completion_t c);
void rados_aio_release(rados_completion_t c);

#define BATCH 1000
#define INFLIGHT 32
#define MAXX 16

static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) { perror(path); exit(1); }
  fseek(f, 0, SEEK_END);
  *len = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *b = malloc(*len);
  if (fread(b, 1, *len, f) != *len) { perror(path); exit(1); }
  fclose(f);
  return b;
}

struct slot { rados_completion_t c; rados_write_op_t op; char **keys; char **vals; size_t n; };
static struct slot slots[INFLIGHT];
static int next_slot = 0;
static long errors = 0;

static void finish(struct slot *s) {
  if (!s->c) return;
  rados_aio_wait_for_complete(s->c);
  int r = rados_aio_get_return_value(s->c);
  if (r < 0 && errors++ < 5) fprintf(stderr, "rados-seed: a write failed: %d\n", r);
  rados_aio_release(s->c);
  rados_release_write_op(s->op);
  for (size_t i = 0; i < s->n; i++) { free(s->keys[i]); free(s->vals[i]); }
  s->c = NULL;
  s->n = 0;
}

static struct slot *take(void) {
  struct slot *s = &slots[next_slot];
  next_slot = (next_slot + 1) % INFLIGHT;
  finish(s);
  return s;
}

int main(int argc, char **argv) {
  if (argc != 8) { fprintf(stderr, "usage: see the source\n"); return 2; }
  const char *marker = argv[4];
  int heads = atoi(argv[7]);
  size_t tlen;
  unsigned char *t = (unsigned char *)read_file(argv[5], &tlen);
  uint32_t tname;
  memcpy(&tname, t + 6, 4);
  size_t rest_off = 10 + tname, rest_len = tlen - rest_off;

  char *xn[MAXX], *xv[MAXX];
  size_t xl[MAXX], nx = 0;
  DIR *d = opendir(argv[6]);
  struct dirent *e;
  while (d && (e = readdir(d))) {
    if (e->d_name[0] == '.' || strcmp(e->d_name, "user.rgw.manifest") == 0 || nx == MAXX) continue;
    char p[4096];
    snprintf(p, sizeof p, "%s/%s", argv[6], e->d_name);
    xn[nx] = strdup(e->d_name);
    xv[nx] = read_file(p, &xl[nx]);
    nx++;
  }

  rados_t cl;
  rados_ioctx_t idx, data;
  if (rados_create(&cl, NULL) < 0 || rados_conf_read_file(cl, argv[1]) < 0 || rados_connect(cl) < 0 ||
      rados_ioctx_create(cl, argv[2], &idx) < 0 || rados_ioctx_create(cl, argv[3], &data) < 0) {
    fprintf(stderr, "rados-seed: cannot connect\n");
    return 1;
  }
  for (int i = 0; i < INFLIGHT; i++) {
    slots[i].keys = calloc(BATCH, sizeof(char *));
    slots[i].vals = calloc(BATCH, sizeof(char *));
  }
  /* One pending batch per shard (up to 1024 shards). */
  static struct { char **k; char **v; size_t *l; size_t n; } pend[1024];
  char line[8192];
  long count = 0;
  while (fgets(line, sizeof line, stdin)) {
    char *tab = strchr(line, '\t');
    if (!tab) continue;
    size_t kl = strcspn(tab + 1, "\n");
    tab[1 + kl] = 0;
    int shard = atoi(line);
    const char *key = tab + 1;
    if (!pend[shard].k) {
      pend[shard].k = calloc(BATCH, sizeof(char *));
      pend[shard].v = calloc(BATCH, sizeof(char *));
      pend[shard].l = calloc(BATCH, sizeof(size_t));
    }
    size_t vl = 10 + kl + rest_len;
    char *v = malloc(vl);
    memcpy(v, t, 2);
    uint32_t inner = (uint32_t)(vl - 6), nl = (uint32_t)kl;
    memcpy(v + 2, &inner, 4);
    memcpy(v + 6, &nl, 4);
    memcpy(v + 10, key, kl);
    memcpy(v + 10 + kl, t + rest_off, rest_len);
    size_t n = pend[shard].n++;
    pend[shard].k[n] = strdup(key);
    pend[shard].v[n] = v;
    pend[shard].l[n] = vl;
    if (pend[shard].n == BATCH) {
      struct slot *s = take();
      s->op = rados_create_write_op();
      rados_write_op_omap_set(s->op, (char const *const *)pend[shard].k,
                              (char const *const *)pend[shard].v, pend[shard].l, BATCH);
      char oid[512];
      snprintf(oid, sizeof oid, ".dir.%s.%d", marker, shard);
      rados_aio_create_completion2(NULL, NULL, &s->c);
      rados_aio_write_op_operate(s->op, idx, s->c, oid, NULL, 0);
      memcpy(s->keys, pend[shard].k, BATCH * sizeof(char *));
      memcpy(s->vals, pend[shard].v, BATCH * sizeof(char *));
      s->n = BATCH;
      pend[shard].n = 0;
    }
    if (heads) {
      struct slot *s = take();
      s->op = rados_create_write_op();
      rados_write_op_create(s->op, 0, NULL);
      for (size_t i = 0; i < nx; i++) rados_write_op_setxattr(s->op, xn[i], xv[i], xl[i]);
      char oid[8192];
      snprintf(oid, sizeof oid, "%s_%s", marker, key);
      rados_aio_create_completion2(NULL, NULL, &s->c);
      rados_aio_write_op_operate(s->op, data, s->c, oid, NULL, 0);
    }
    if (++count % 100000 == 0) fprintf(stderr, "rados-seed: %ld\n", count);
  }
  for (int shard = 0; shard < 1024; shard++) {
    if (!pend[shard].n) continue;
    struct slot *s = take();
    s->op = rados_create_write_op();
    rados_write_op_omap_set(s->op, (char const *const *)pend[shard].k,
                            (char const *const *)pend[shard].v, pend[shard].l, pend[shard].n);
    char oid[512];
    snprintf(oid, sizeof oid, ".dir.%s.%d", marker, shard);
    rados_aio_create_completion2(NULL, NULL, &s->c);
    rados_aio_write_op_operate(s->op, idx, s->c, oid, NULL, 0);
    memcpy(s->keys, pend[shard].k, pend[shard].n * sizeof(char *));
    memcpy(s->vals, pend[shard].v, pend[shard].n * sizeof(char *));
    s->n = pend[shard].n;
    pend[shard].n = 0;
  }
  for (int i = 0; i < INFLIGHT; i++) finish(&slots[i]);
  fprintf(stderr, "rados-seed: %ld keys, %ld failed writes\n", count, errors);
  return errors ? 1 : 0;
}
