SELECT min(published_at) FROM published.release
