"""Exchange files: a village's changes carried to the township and back on a
USB stick or through WeChat (DOMAIN.md §6–7).

* ``container.py`` — the file itself: a short plain header, then the content
  compressed (zstd) and encrypted in authenticated chunks (AES-256-GCM, key
  from the township's exchange passphrase by scrypt);
* ``keys.py`` — this installation's signing key (Ed25519, kept outside the
  database) and the stored passphrase;
* ``package.py`` — what a package says (manifest, changes, acknowledgements,
  signature), writing one for a peer and importing one, all or nothing;
* ``naming.py`` — file names that survive FAT32 sticks and WeChat.

The merge itself is the sync engine's (``storage/merge.py``).
"""
